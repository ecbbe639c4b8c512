import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpintax } from '../spintax/parse.js';
import { type AssembleArticleInput, assembleArticle } from './assembleArticle.js';
import { buildArticleBindings } from './bindings.js';
import { prepareFragments } from './fragments.js';

const { fragments } = prepareFragments(
  [
    {
      id: 'intro-1',
      type: 'intro',
      body: '<p>{Looking for|Need|Searching for} a {good|great|reliable} {Niche} pro in {City}, {State_Code}? {We can help.|Read on.}</p>',
    },
    {
      id: 'intro-2',
      type: 'intro',
      body: '<p>{City} residents {trust|choose|rely on} us for {Niche}. {It shows.|Here is why.}</p>',
    },
    {
      id: 'body-1',
      type: 'body',
      body: '<h2>{Why|How} {we work|it works}</h2><p>{Fast|Quick} service across {County} county, {every day|all week}. {Licensed and insured.|Fully licensed.}</p>',
    },
    {
      id: 'body-2',
      type: 'body',
      body: '<h2>Pricing in {City}</h2><p>{Fair|Clear|Honest} prices for {Avatar_Name}s in {Month} {Year}.</p><script>alert(1)</script>',
    },
    {
      id: 'faq-1',
      type: 'faq',
      body: '<h3>{Do you|Can you} serve {City}?</h3><p>Yes, {all of|every part of} {State}.</p>',
    },
  ],
  {},
);

const bindings = buildArticleBindings({
  location: { city: 'Austin', state: 'Texas', stateCode: 'TX', county: 'Travis' },
  avatarName: 'homeowner',
  niche: 'plumbing',
  now: new Date('2025-06-15T12:00:00Z'),
});

const baseInput: AssembleArticleInput = {
  campaignId: 'camp-1',
  variantKey: 'camp-1:p:austin:-:-:7',
  slotTypes: ['intro', 'body', 'offer', 'faq'],
  fragments,
  offerBlocks: [
    {
      id: 'offer-home',
      avatarId: 'homeowner',
      body: parseSpintax('<p><strong>{Call|Phone} today</strong> for a free quote.</p>'),
    },
    { id: 'offer-any', avatarId: null, body: parseSpintax('<p>Contact us.</p>') },
  ],
  avatarId: 'homeowner',
  headline: 'Best Plumbers in Austin, TX',
  bindings,
  site: { name: 'Alpha', url: 'https://alpha.test/' },
  takenSlugs: new Set(),
  targetWordCount: 40,
};

function assembled(input: AssembleArticleInput = baseInput) {
  const result = assembleArticle(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.failures)}`);
  return result.article;
}

describe('assembleArticle', () => {
  it('produces the same article for the same seed', () => {
    expect(assembled()).toEqual(assembled());
  });

  it('produces the same article for any seed when run twice (property)', () => {
    fc.assert(
      fc.property(fc.string(), (variantKey) => {
        expect(assembleArticle({ ...baseInput, variantKey })).toEqual(
          assembleArticle({ ...baseInput, variantKey }),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('varies the article across variants', () => {
    const htmls = new Set(
      Array.from({ length: 12 }, (_, i) => assembled({ ...baseInput, variantKey: `v${i}` }).html),
    );
    expect(htmls.size).toBeGreaterThan(6);
  });

  it('fills variables, places the offer in its slot and sanitises the result', () => {
    const article = assembled();
    expect(article.html).toContain('Austin');
    expect(article.html).not.toMatch(/<script|alert/);
    expect(article.html).toMatch(/<strong>(Call|Phone) today<\/strong>/);
    expect(article.offerBlockId).toBe('offer-home');
    expect(article.html.indexOf('free quote')).toBeLessThan(article.html.search(/<h3>/));
  });

  it('returns the chosen fragment ids in slot order for usage counting', () => {
    const article = assembled();
    expect(article.fragmentIds).toHaveLength(3);
    expect(article.fragmentIds[0]).toMatch(/^intro-/);
    expect(article.fragmentIds[2]).toBe('faq-1');
  });

  it('escapes binding values so they cannot inject markup', () => {
    const article = assembled({
      ...baseInput,
      bindings: { ...bindings, city: '<img src=x onerror=alert(1)>' },
    });
    expect(article.html).not.toContain('<img');
    expect(article.html).toContain('&lt;img');
  });

  it('builds meta fields within their limits, an excerpt, a word count and an undated schema', () => {
    const article = assembled();
    expect(article.title).toBe('Best Plumbers in Austin, TX');
    expect(article.metaTitle).toBe('Best Plumbers in Austin, TX | Alpha');
    expect(article.metaDescription.length).toBeLessThanOrEqual(155);
    expect(article.excerpt.length).toBeGreaterThan(20);
    expect(article.wordCount).toBeGreaterThan(20);
    expect(article.url).toBe('https://alpha.test/best-plumbers-in-austin-tx');
    expect(article.schema['@graph'][0]).not.toHaveProperty('datePublished');
  });

  it('makes the slug unique against taken slugs', () => {
    const article = assembled({ ...baseInput, takenSlugs: new Set(['best-plumbers-in-austin-tx']) });
    expect(article.slug).toBe('best-plumbers-in-austin-tx-2');
  });

  it('fails the item when a variable has no binding, naming the token', () => {
    const result = assembleArticle({ ...baseInput, bindings: { ...bindings, city: null } });
    expect(result).toEqual({
      ok: false,
      failures: [{ code: 'UNRESOLVED_TOKEN', message: 'Unresolved tokens: {City}' }],
    });
  });

  it('fails the item when the headline still holds a token', () => {
    const result = assembleArticle({ ...baseInput, headline: 'Plumbers in {City}' });
    expect(result.ok).toBe(false);
  });

  it('flags an article shorter than 60% of the target word count', () => {
    expect(assembled({ ...baseInput, targetWordCount: 5000 }).flags).toEqual(['short']);
    expect(assembled().flags).toEqual([]);
  });

  it('fails when a template type has no fragments', () => {
    const result = assembleArticle({ ...baseInput, slotTypes: ['intro', 'testimonials'] });
    expect(result).toMatchObject({ ok: false, failures: [{ code: 'MISSING_FRAGMENT_TYPE' }] });
  });
});

describe('buildArticleBindings', () => {
  it('derives Year and Month from the injected now in UTC', () => {
    const b = buildArticleBindings({ now: new Date('2024-12-31T23:30:00-05:00') });
    expect(b).toMatchObject({ year: '2025', month: 'January' });
  });

  it('adds niche variables without letting them override standard ones', () => {
    const b = buildArticleBindings({
      location: { city: 'Austin' },
      nicheVariables: { Service_Type: 'drain cleaning', city: 'Hijack' },
      now: new Date(0),
    });
    expect(b).toMatchObject({ service_type: 'drain cleaning', city: 'Austin' });
  });

  it('has the keys, order and values of the custom variables spread under the standard ones', () => {
    const MONTHS = 'January February March April May June July August September October November December';
    // The definition it was written as.
    const reference = (nicheVariables: Record<string, string>, now: Date, city?: string) => {
      const standard = {
        city,
        county: undefined,
        state: undefined,
        state_code: undefined,
        niche: 'plumbing',
        avatar_name: null,
        year: String(now.getUTCFullYear()),
        month: MONTHS.split(' ')[now.getUTCMonth()],
        population: undefined,
        nearby_cities: undefined,
        audience: undefined,
        audience_plural: undefined,
        business_name: undefined,
        phone: undefined,
        phone_href: undefined,
        service_area: undefined,
        license: undefined,
        contact_path: undefined,
      };
      const custom: Record<string, string> = {};
      for (const [name, value] of Object.entries(nicheVariables)) custom[name.toLowerCase()] = value;
      return { ...custom, ...standard };
    };
    const name = fc.oneof(
      fc.constantFrom('City', 'NICHE', 'Year', '1', '02', '__proto__', '__PROTO__', 'constructor', 'x', 'X'),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(name, fc.string({ maxLength: 3 })),
        fc.date({ noInvalidDate: true }),
        fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
        (nicheVariables, now, city) => {
          const built = buildArticleBindings({
            location: { city },
            niche: 'plumbing',
            avatarName: null,
            nicheVariables,
            now,
          });
          const expected = reference(nicheVariables, now, city);
          expect(Object.entries(built)).toEqual(Object.entries(expected));
          expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
        },
      ),
    );
  });
});
