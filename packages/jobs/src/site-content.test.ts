import { MAX_TARGETED_ARTICLES } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { planSiteInvalidations } from './site-content.js';

const SITE_A = '00000000-0000-4000-8000-00000000000a';
const SITE_B = '00000000-0000-4000-8000-00000000000b';
const article = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('planning site invalidations', () => {
  it('keeps an article change targeted and joins the ids of one site', () => {
    const plan = planSiteInvalidations([
      { siteId: SITE_A, collection: 'generated_articles', articleIds: [article(1)] },
      { siteId: SITE_A, collection: 'generated_articles', articleIds: [article(2), article(1)] },
      { siteId: SITE_B, collection: 'generated_articles', articleIds: [article(3)] },
    ]);
    expect(plan).toEqual([
      { siteId: SITE_A, collection: 'generated_articles', articleIds: [article(1), article(2)] },
      { siteId: SITE_B, collection: 'generated_articles', articleIds: [article(3)] },
    ]);
  });

  it('lets a whole-site change absorb article changes of the same site', () => {
    const plan = planSiteInvalidations([
      { siteId: SITE_A, collection: 'generated_articles', articleIds: [article(1)] },
      { siteId: SITE_A, collection: 'globals' },
    ]);
    expect(plan).toEqual([{ siteId: SITE_A, collection: '*' }]);
  });

  it('invalidates the whole site beyond the targeted limit, for no ids, or for ids that are not uuids', () => {
    const many = Array.from({ length: MAX_TARGETED_ARTICLES + 1 }, (_, n) => article(n));
    for (const articleIds of [many, [], ['not-a-uuid']]) {
      const [plan] = planSiteInvalidations([
        { siteId: SITE_A, collection: 'generated_articles', articleIds },
      ]);
      expect(plan).toEqual({ siteId: SITE_A, collection: 'generated_articles' });
    }
  });
});
