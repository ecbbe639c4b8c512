import type { CampaignInput } from './campaign-input.js';

/** The location fields each mode needs; the others are cleared when the campaign is written. */
export const MODE_FIELDS = {
  none: [],
  state: ['state_id'],
  county: ['county_id'],
  city: ['city_id'],
  radius: ['center', 'radius_km'],
} as const;

/**
 * The writable columns in one order, shared by insert and update. `radius_center` is built from two
 * parameters (lng, lat); location fields the mode does not use are cleared.
 */
export const WRITE_COLUMNS = [
  'name',
  'status',
  'headline_spintax_root',
  'niche_variables',
  'location_mode',
  'target_state_id',
  'target_county_id',
  'target_city_id',
  'radius_center',
  'radius_km',
  'avatar_ids',
  'template_id',
  'target_word_count',
  'velocity_mode',
  'velocity_per_day',
  'velocity_ramp_to',
  'velocity_ramp_days',
  'weekend_throttle',
  'timezone',
] as const;

/** SQL value expressions for WRITE_COLUMNS, parameters numbered from `first`. */
export function writeExpressions(first: number): string[] {
  let n = first;
  return WRITE_COLUMNS.map((column) => {
    if (column === 'radius_center') {
      const [lng, lat] = [n, n + 1];
      n += 2;
      return `case when $${lng}::float8 is null then null else ST_SetSRID(ST_MakePoint($${lng}::float8, $${lat}::float8), 4326) end`;
    }
    n += 1;
    return `$${n - 1}`;
  });
}

export function writeParams(input: CampaignInput): unknown[] {
  const uses = (field: string) => (MODE_FIELDS[input.location_mode] as readonly string[]).includes(field);
  const { location: loc, velocity } = input;
  // A county or city campaign keeps its state for display; the generator filters on the narrowest field.
  const keepsState = input.location_mode !== 'none' && input.location_mode !== 'radius';
  return [
    input.name,
    input.status,
    input.headline_spintax_root,
    input.niche_variables,
    input.location_mode,
    keepsState ? (loc.state_id ?? null) : null,
    uses('county_id') ? (loc.county_id ?? null) : null,
    uses('city_id') ? (loc.city_id ?? null) : null,
    uses('center') ? (loc.center?.lng ?? null) : null,
    uses('center') ? (loc.center?.lat ?? null) : null,
    uses('radius_km') ? (loc.radius_km ?? null) : null,
    input.avatar_ids,
    input.template_id,
    input.target_word_count,
    velocity.mode,
    velocity.per_day,
    velocity.ramp_to ?? null,
    velocity.ramp_days ?? null,
    velocity.weekend_factor,
    input.timezone,
  ];
}
