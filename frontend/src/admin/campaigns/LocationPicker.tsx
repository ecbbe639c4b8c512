import type { CampaignOptions, HeadlinePreview } from '@spark/contracts/admin';
import { lazy, Suspense } from 'react';
import { Field, inputClass } from '../ui/primitives.js';
import type { CampaignForm, LocationMode } from './campaign-form.js';
import { PlaceSearch } from './PlaceSearch.js';

const MODES: { value: LocationMode; label: string }[] = [
  { value: 'none', label: 'No location' },
  { value: 'state', label: 'A whole state' },
  { value: 'county', label: 'A county' },
  { value: 'city', label: 'One city' },
  { value: 'radius', label: 'Cities within a radius' },
];

const RadiusMap = lazy(() => import('./RadiusMap.js'));

interface Props {
  siteId: string;
  form: CampaignForm;
  states: CampaignOptions['states'];
  /** Cities the target covers, from the preview. */
  covered: number | null;
  /** The biggest of them, with coordinates, for the map. */
  cities: HeadlinePreview['cities'];
  onChange(patch: Partial<CampaignForm>): void;
}

/** Where the articles are set: state → county → city pickers, or a centre city and a radius in km. */
export function LocationPicker({ siteId, form, states, covered, cities, onChange }: Props) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Locations</legend>
      <Field label="Location mode" htmlFor="location-mode">
        <select
          id="location-mode"
          value={form.location_mode}
          onChange={(event) => onChange({ location_mode: event.target.value as LocationMode })}
          className={inputClass}
        >
          {MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </Field>
      {form.location_mode === 'state' || form.location_mode === 'county' || form.location_mode === 'city' ? (
        <Field label="State" htmlFor="location-state">
          <select
            id="location-state"
            value={form.state_id ?? ''}
            onChange={(event) =>
              onChange({ state_id: event.target.value || null, county_id: null, city_id: null })
            }
            className={inputClass}
          >
            <option value="">{form.location_mode === 'state' ? 'Choose a state' : 'Any state'}</option>
            {states.map((state) => (
              <option key={state.id} value={state.id}>
                {state.name} ({state.code})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {form.location_mode === 'county' ? (
        <PlaceSearch
          siteId={siteId}
          kind="county"
          label="County"
          stateId={form.state_id}
          selected={form.county_id}
          onPick={(place) => onChange({ county_id: place.id })}
        />
      ) : null}
      {form.location_mode === 'city' ? (
        <PlaceSearch
          siteId={siteId}
          kind="city"
          label="City"
          stateId={form.state_id}
          selected={form.city_id}
          onPick={(place) => onChange({ city_id: place.id })}
        />
      ) : null}
      {form.location_mode === 'radius' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <PlaceSearch
            siteId={siteId}
            kind="city"
            label="Centre city"
            stateId={null}
            selected={null}
            initialLabel={
              form.center_label ??
              (form.center ? `${form.center.lat.toFixed(3)}, ${form.center.lng.toFixed(3)}` : null)
            }
            onPick={(place) =>
              place.lat !== null &&
              place.lng !== null &&
              onChange({
                center: { lat: place.lat, lng: place.lng },
                center_label: `${place.name}, ${place.state_code}`,
              })
            }
          />
          <Field label="Radius (km)" htmlFor="radius-km">
            <input
              id="radius-km"
              type="number"
              min={1}
              max={5000}
              value={form.radius_km}
              onChange={(event) => onChange({ radius_km: event.target.value })}
              className={inputClass}
            />
          </Field>
        </div>
      ) : null}
      {form.location_mode !== 'none' && covered !== null ? (
        <p className="text-sm text-slate-800" data-testid="cities-covered">
          Covers {covered} {covered === 1 ? 'city' : 'cities'}.
        </p>
      ) : null}
      {form.location_mode !== 'none' && covered !== null && covered > 0 ? (
        <Suspense fallback={<p className="text-sm text-slate-700">Loading the map…</p>}>
          <RadiusMap
            cities={cities}
            total={covered}
            radius={
              form.location_mode === 'radius' && form.center
                ? { center: form.center, km: Number(form.radius_km) || 0 }
                : null
            }
          />
        </Suspense>
      ) : null}
    </fieldset>
  );
}
