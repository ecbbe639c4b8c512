import { describe, expect, it } from 'vitest';
import { campaignBody, draftOf, emptyForm, formatCount, remainingHeadlines } from './campaign-form.js';

describe('campaign form', () => {
  it('sends only the chosen location mode’s fields and drops blank niche keys', () => {
    const form = {
      ...emptyForm(),
      patterns: '{A|B} {Niche}',
      niche: [
        { key: 'Niche', value: 'Roofing' },
        { key: ' ', value: 'ignored' },
      ],
      location_mode: 'radius' as const,
      state_id: '11111111-1111-4111-8111-111111111111',
      center: { lat: 32.8, lng: -96.8 },
      radius_km: '1800',
    };
    expect(draftOf(form)).toEqual({
      headline_spintax_root: '{A|B} {Niche}',
      niche_variables: { Niche: 'Roofing' },
      location_mode: 'radius',
      location: { center: { lat: 32.8, lng: -96.8 }, radius_km: 1800 },
      avatar_ids: [],
      template_id: null,
      target_word_count: 1500,
    });
  });

  it('includes ramp settings only for ramp-up velocity', () => {
    const steady = campaignBody({ ...emptyForm(), name: ' X ' });
    expect(steady.name).toBe('X');
    expect(steady.velocity).toEqual({ mode: 'steady', per_day: 10, weekend_factor: 1 });
    const ramp = campaignBody({
      ...emptyForm(),
      velocity: { mode: 'ramp_up', per_day: '5', ramp_to: '50', ramp_days: '10', weekend_factor: '0.5' },
    });
    expect(ramp.velocity).toEqual({
      mode: 'ramp_up',
      per_day: 5,
      ramp_to: 50,
      ramp_days: 10,
      weekend_factor: 0.5,
    });
  });

  it('counts what a campaign can still make, exactly, even beyond 2^53', () => {
    expect(remainingHeadlines(700, { available: 100, claimed: 50, used: 200 })).toBe(450n);
    expect(remainingHeadlines(10, { used: 20 })).toBe(0n);
    expect(remainingHeadlines('90071992547409930', { used: 1 })).toBe(90071992547409929n);
    expect(formatCount('90071992547409930')).toBe('90,071,992,547,409,930');
  });
});
