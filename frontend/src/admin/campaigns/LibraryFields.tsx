import type { CampaignOptions } from '@spark/contracts/admin';
import { Field, inputClass, NumberField } from '../ui/primitives.js';
import type { CampaignForm } from './campaign-form.js';
import { VelocityChart } from './VelocityChart.js';

const TIMEZONES = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
];

interface Props {
  form: CampaignForm;
  options: CampaignOptions;
  onChange(patch: Partial<CampaignForm>): void;
}

/** How many fragments each of the template's types has; a type without any stops generation. */
function fragmentCoverage(types: string[], counts: Record<string, number>): string {
  const parts = types.map((type) => (counts[type] ? `${type} ${counts[type]}` : `${type} none (add some)`));
  return `Fragments per type: ${parts.join(', ')}`;
}

/** Avatars by name, the template with its fragment types, length, publishing velocity and time zone. */
export function LibraryFields({ form, options, onChange }: Props) {
  const template = options.templates.find((t) => t.id === form.template_id);
  const velocity = (patch: Partial<CampaignForm['velocity']>) =>
    onChange({ velocity: { ...form.velocity, ...patch } });
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Avatars (who the articles speak to)</legend>
        {options.avatars.length === 0 ? (
          <p className="text-sm text-slate-700">No avatars in the library yet.</p>
        ) : null}
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {options.avatars.map((avatar) => (
            <label key={avatar.id} className="flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                checked={form.avatar_ids.includes(avatar.id)}
                onChange={(event) =>
                  onChange({
                    avatar_ids: event.target.checked
                      ? [...form.avatar_ids, avatar.id]
                      : form.avatar_ids.filter((id) => id !== avatar.id),
                  })
                }
                className="h-4 w-4"
              />
              {avatar.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Article template"
        htmlFor="template"
        hint={
          template
            ? fragmentCoverage(template.fragment_types, options.fragment_counts)
            : 'Needed before generating'
        }
      >
        <select
          id="template"
          value={form.template_id ?? ''}
          onChange={(event) => onChange({ template_id: event.target.value || null })}
          className={inputClass}
        >
          <option value="">No template</option>
          {options.templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          id="word-count"
          label="Target word count"
          min={200}
          max={20000}
          value={form.target_word_count}
          onChange={(value) => onChange({ target_word_count: value })}
        />
        <Field label="Time zone" htmlFor="timezone">
          <select
            id="timezone"
            value={form.timezone}
            onChange={(event) => onChange({ timezone: event.target.value })}
            className={inputClass}
          >
            {[...new Set([form.timezone, ...TIMEZONES])].map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">Publishing velocity</legend>
        <Field label="Mode" htmlFor="velocity-mode">
          <select
            id="velocity-mode"
            value={form.velocity.mode}
            onChange={(event) => velocity({ mode: event.target.value as 'steady' | 'ramp_up' })}
            className={inputClass}
          >
            <option value="steady">Steady</option>
            <option value="ramp_up">Ramp up</option>
          </select>
        </Field>
        <NumberField
          id="per-day"
          label="Articles per day"
          min={1}
          value={form.velocity.per_day}
          onChange={(value) => velocity({ per_day: value })}
        />
        <NumberField
          id="weekend"
          label="Weekend factor (0–1)"
          min={0}
          max={1}
          step={0.1}
          value={form.velocity.weekend_factor}
          onChange={(value) => velocity({ weekend_factor: value })}
        />
        {form.velocity.mode === 'ramp_up' ? (
          <>
            <NumberField
              id="ramp-to"
              label="Ramp to (per day)"
              min={1}
              value={form.velocity.ramp_to}
              onChange={(value) => velocity({ ramp_to: value })}
            />
            <NumberField
              id="ramp-days"
              label="Ramp days"
              min={1}
              max={365}
              value={form.velocity.ramp_days}
              onChange={(value) => velocity({ ramp_days: value })}
            />
          </>
        ) : null}
      </fieldset>
      <VelocityChart velocity={form.velocity} />
    </div>
  );
}
