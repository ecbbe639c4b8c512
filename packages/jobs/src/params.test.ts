import { insertLinksParams, scanDuplicatesParams } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { storedParams } from './params.js';

describe('storedParams', () => {
  it('fills the defaults a stored row leaves out: threshold 0.8, 5 links, 50 km', () => {
    expect(storedParams(scanDuplicatesParams, {})).toEqual({ threshold: 0.8, campaign_id: null });
    expect(storedParams(insertLinksParams, { max_links: 3 })).toEqual({ max_links: 3, nearby_km: 50 });
  });

  it('keeps the values a producer stored', () => {
    const campaign = '833a2daf-af37-4546-87a1-7b9ae89baad6';
    expect(storedParams(scanDuplicatesParams, { threshold: 0.9, campaign_id: campaign })).toEqual({
      threshold: 0.9,
      campaign_id: campaign,
    });
  });

  it('runs a row that does not fit its contract with the defaults', () => {
    expect(storedParams(insertLinksParams, { max_links: 'many' })).toEqual({ max_links: 5, nearby_km: 50 });
    expect(storedParams(scanDuplicatesParams, null)).toEqual({ threshold: 0.8, campaign_id: null });
  });
});
