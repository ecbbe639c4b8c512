import type { HeadlinePreview } from '@spark/contracts/admin';
import { geoAlbersUsa, geoCircle, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import statesAtlas from 'us-atlas/states-albers-10m.json';

/**
 * The covered cities on a map of the states, drawn from the Census TopoJSON bundled with the app: no tile
 * server, so it works offline and in tests. The atlas is pre-projected with exactly this Albers USA projection
 * (us-atlas: scale 1300, translate [487.5, 305] in a 975 × 610 frame), so cities and the circle line up.
 * Loaded lazily: only the campaign editor pays for it.
 */
const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);
const statesPath = geoPath();
const projectedPath = geoPath(projection);
type Atlas = Parameters<typeof feature>[0];
const topology = statesAtlas as unknown as Atlas;
const states = feature(topology, topology.objects.states as Parameters<typeof feature>[1]);
const KM_PER_DEGREE = 111.195;

interface Props {
  cities: HeadlinePreview['cities'];
  total: number;
  radius: { center: { lat: number; lng: number }; km: number } | null;
}

export default function RadiusMap({ cities, total, radius }: Props) {
  const circle = radius
    ? projectedPath(
        geoCircle()
          .center([radius.center.lng, radius.center.lat])
          .radius(radius.km / KM_PER_DEGREE)(),
      )
    : null;
  const named = cities.slice(0, 12).map((city) => `${city.name}, ${city.state_code}`);
  return (
    <figure className="space-y-1" data-testid="location-map">
      <svg
        viewBox="0 0 975 610"
        className="w-full rounded-md border border-slate-200 bg-sky-50"
        role="img"
        aria-label={`Map of the ${total} covered ${total === 1 ? 'city' : 'cities'}${radius ? `, within ${radius.km} km of the centre` : ''}`}
      >
        <path d={statesPath(states) ?? ''} className="fill-white stroke-slate-400" strokeWidth={0.8} />
        {circle ? <path d={circle} className="fill-indigo-500/15 stroke-indigo-700" strokeWidth={2} /> : null}
        {cities.map((city) => {
          if (city.lat === null || city.lng === null) return null;
          const point = projection([city.lng, city.lat]);
          if (!point) return null;
          return (
            <circle
              key={`${city.name}-${city.state_code}`}
              cx={point[0]}
              cy={point[1]}
              r={5}
              className="fill-indigo-800"
            />
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-700">
        {named.length === 0
          ? 'No city yet.'
          : `Includes ${named.join('; ')}${total > named.length ? ` and ${total - named.length} more` : ''}.`}
      </figcaption>
    </figure>
  );
}
