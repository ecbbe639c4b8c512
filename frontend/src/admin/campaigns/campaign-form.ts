import type { CampaignView as Campaign } from '@spark/contracts/admin';

/** The campaign editor's state and its conversions, kept out of the components so they can be tested. */

export type LocationMode = Campaign['location_mode'];

export interface CampaignForm {
  name: string;
  status: Campaign['status'];
  patterns: string;
  niche: { key: string; value: string }[];
  location_mode: LocationMode;
  state_id: string | null;
  county_id: string | null;
  city_id: string | null;
  center: { lat: number; lng: number } | null;
  /** The centre city's name as the picker shows it; only the point is saved. */
  center_label: string | null;
  radius_km: string;
  avatar_ids: string[];
  template_id: string | null;
  target_word_count: string;
  velocity: {
    mode: 'steady' | 'ramp_up';
    per_day: string;
    ramp_to: string;
    ramp_days: string;
    weekend_factor: string;
  };
  timezone: string;
}

export const emptyForm = (): CampaignForm => ({
  name: '',
  status: 'draft',
  patterns: '',
  niche: [{ key: 'Niche', value: '' }],
  location_mode: 'none',
  state_id: null,
  county_id: null,
  city_id: null,
  center: null,
  center_label: null,
  radius_km: '50',
  avatar_ids: [],
  template_id: null,
  target_word_count: '1500',
  velocity: { mode: 'steady', per_day: '10', ramp_to: '', ramp_days: '14', weekend_factor: '1' },
  timezone: 'UTC',
});

export function formFromCampaign(campaign: Campaign): CampaignForm {
  return {
    name: campaign.name,
    status: campaign.status,
    patterns: campaign.headline_spintax_root,
    niche: Object.entries(campaign.niche_variables).map(([key, value]) => ({ key, value })),
    location_mode: campaign.location_mode,
    state_id: campaign.location.state_id,
    county_id: campaign.location.county_id,
    city_id: campaign.location.city_id,
    center: campaign.location.center,
    center_label: campaign.center_city,
    radius_km: campaign.location.radius_km === null ? '50' : String(campaign.location.radius_km),
    avatar_ids: campaign.avatar_ids,
    template_id: campaign.template_id,
    target_word_count: String(campaign.target_word_count),
    velocity: {
      mode: campaign.velocity.mode,
      per_day: String(campaign.velocity.per_day),
      ramp_to: campaign.velocity.ramp_to === undefined ? '' : String(campaign.velocity.ramp_to),
      ramp_days: campaign.velocity.ramp_days === undefined ? '14' : String(campaign.velocity.ramp_days),
      weekend_factor: String(campaign.velocity.weekend_factor),
    },
    timezone: campaign.timezone,
  };
}

const nicheRecord = (rows: CampaignForm['niche']) =>
  Object.fromEntries(rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value]));

/** Only the fields of the chosen mode travel, so a leftover state does not narrow a radius campaign. */
function locationOf(form: CampaignForm) {
  switch (form.location_mode) {
    case 'state':
      return { state_id: form.state_id };
    case 'county':
      return { county_id: form.county_id };
    case 'city':
      return { city_id: form.city_id };
    case 'radius':
      return { center: form.center, radius_km: Number(form.radius_km) || null };
    default:
      return {};
  }
}

const int = (value: string, fallback: number) => {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
};

/** What the preview needs: the fields that shape the headline space, and the template and target length. */
export function draftOf(form: CampaignForm) {
  return {
    headline_spintax_root: form.patterns,
    niche_variables: nicheRecord(form.niche),
    location_mode: form.location_mode,
    location: locationOf(form),
    avatar_ids: form.avatar_ids,
    template_id: form.template_id,
    target_word_count: int(form.target_word_count, 1500),
  };
}

/** The body of POST /api/campaigns (and, without site_id, of PATCH). */
export function campaignBody(form: CampaignForm) {
  const { velocity } = form;
  return {
    name: form.name.trim(),
    status: form.status,
    ...draftOf(form),
    velocity: {
      mode: velocity.mode,
      per_day: int(velocity.per_day, 10),
      ...(velocity.mode === 'ramp_up' && velocity.ramp_to !== ''
        ? { ramp_to: int(velocity.ramp_to, 10), ramp_days: int(velocity.ramp_days, 14) }
        : {}),
      weekend_factor: Number(velocity.weekend_factor) || 0,
    },
    timezone: form.timezone,
  };
}

/**
 * Headlines the campaign can still turn into articles: the space minus what jobs already claimed or used.
 * BigInt, because a space can exceed 2^53 (the API then sends the count as a decimal string).
 */
export function remainingHeadlines(total: number | string, inventory: Record<string, number>): bigint {
  const taken = Object.entries(inventory)
    .filter(([status]) => status !== 'available')
    .reduce((sum, [, n]) => sum + BigInt(n), 0n);
  const left = BigInt(total) - taken;
  return left > 0n ? left : 0n;
}

/** A count for people: digit groups, exact even when huge. */
export const formatCount = (n: number | string | bigint) => BigInt(n).toLocaleString('en-US');
