import { describe, expect, it } from 'vitest';
import {
  assembleArticle,
  buildArticleBindings,
  computeBandHashes,
  countVariants,
  createCartesianSpace,
  createLshIndex,
  createMinHasher,
  findNearDuplicates,
  htmlToText,
  parseSpintax,
  planInternalLinks,
  prepareFragments,
  STANDARD_VARIABLES,
  schedulePublishing,
  unrankVariant,
  validateTemplate,
} from './index.js';

describe('the content pipeline through the public API', () => {
  it('turns a campaign into scheduled, linked, de-duplicated articles deterministically', () => {
    const headline = parseSpintax('{Best|Top|Trusted} {Niche} {Pros|Experts} in {City}, {State_Code}');
    expect(validateTemplate(headline, STANDARD_VARIABLES)).toEqual([]);
    const locations = [
      { id: 'austin', city: 'Austin', state: 'Texas', stateCode: 'TX' },
      { id: 'dallas', city: 'Dallas', state: 'Texas', stateCode: 'TX' },
    ];
    const space = createCartesianSpace({
      campaignId: 'camp',
      patterns: [{ id: 'p1', variantCount: countVariants(headline) }],
      locations,
    });
    expect(space.total).toBe(12n);

    const { fragments } = prepareFragments([
      {
        id: 'f1',
        type: 'intro',
        body: '<p>{Need|Looking for} {Niche} help in {City}? {Our|The} team serves all of {State}.</p>',
      },
      {
        id: 'f2',
        type: 'body',
        body: '<p>{Fast|Quick}, {fair|honest} {Niche} work. We know {City} streets and {State} codes.</p>',
      },
    ]);
    const run = () => {
      const taken = new Set<string>();
      return [...space.items(0n, 2)].map((item) => {
        const bindings = buildArticleBindings({
          location: item.location,
          niche: 'plumbing',
          now: new Date('2025-01-01T00:00:00Z'),
        });
        const result = assembleArticle({
          campaignId: 'camp',
          variantKey: item.generationKey,
          slotTypes: ['intro', 'body'],
          fragments,
          headline: unrankVariant(headline, item.variantIndex, bindings),
          bindings,
          site: { name: 'Alpha', url: 'https://alpha.test' },
          takenSlugs: taken,
          targetWordCount: 20,
        });
        if (!result.ok) throw new Error(JSON.stringify(result.failures));
        taken.add(result.article.slug);
        return { key: item.generationKey, ...result.article };
      });
    };
    const articles = run();
    expect(run()).toEqual(articles);
    expect(new Set(articles.map((a) => a.slug)).size).toBe(2);

    const hasher = createMinHasher();
    const fingerprints = articles.map((a) => {
      const signature = hasher.signature(htmlToText(a.html));
      return { id: a.key, signature, bandHashes: computeBandHashes(signature) };
    });
    expect(findNearDuplicates(fingerprints, createLshIndex(), 0.99)).toEqual([]);

    const [first, second] = articles;
    if (first === undefined || second === undefined) throw new Error('expected two articles');
    const linked = planInternalLinks(first.html, [
      { id: second.key, url: `/${second.slug}`, anchors: ['Texas'] },
    ]);
    expect(linked.links).toHaveLength(1);

    const now = new Date('2025-01-06T09:00:00Z');
    const schedule = schedulePublishing({
      articleIds: articles.map((a) => a.key),
      startAt: now,
      now,
      velocity: { mode: 'steady', perDay: 1 },
    });
    expect(schedule.every((s) => s.publishAt >= now)).toBe(true);
  });
});
