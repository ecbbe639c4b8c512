import {
  type CorpusFigures,
  formatPopulation,
  htmlToText,
  joinEnglishList,
  startsWithVowelSound,
} from '@spark/core';
import { createPool, markArticlesPublished, withTransaction } from '@spark/db';
import {
  type CorpusArticle,
  DEMO_CORPUS_SITES,
  loadCampaignCorpus,
  MAX_CLICKS,
  measureCampaignCorpus,
  measurePublishedSite,
} from '@spark/devstack/corpus';
import { bumpSiteContent } from '@spark/jobs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticlesChunk } from './generate-articles.js';
import { insertLinks } from './insert-links.js';
import { type FragmentUsage, fragmentUsage, removeDemoCampaignCopy } from './test-support/fixtures.js';

/**
 * The demo library as a reader meets it: each demo tenant's campaign generates a corpus through the real
 * pipeline (claim → assemble → write, in this process), and the corpus is held to the product's promise:
 * long articles, nothing unresolved, no near-duplicates, a way to convert in every article, grammar
 * that survived spinning, and facts that are true for the place. The same articles are then published and
 * linked, and the site is walked as a crawler walks it: no orphan, enough internal links, every article within
 * three clicks of the home page, every hub in the sitemap. The figures are computed by the same code as
 * `npm run bench corpus` (@spark/core's measureCorpus, @spark/devstack/corpus).
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 4 });

/** Articles per tenant. The whole pipeline and an exact check of every LSH candidate pair take seconds. */
const CORPUS_SIZE = 1000;

const TENANTS = DEMO_CORPUS_SITES;

const created: { siteId: string; campaignId: string; usage: FragmentUsage }[] = [];

afterAll(async () => {
  // The demo tenants are shared with other suites: leave them exactly as they were, and tell the frontend.
  for (const { campaignId, usage } of created) await removeDemoCampaignCopy(pool, campaignId, usage);
  const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
  await bumpSiteContent(
    redis,
    created.map((copy) => copy.siteId),
  ).finally(() => redis.disconnect());
  await pool.end();
});

/** A copy of the tenant's demo campaign with CORPUS_SIZE headlines reserved for one generation job. */
async function reserveDemoCorpus(domain: string, campaignName: string) {
  const { rows: sites } = await pool.query<{ id: string; settings: { contact_path?: string } }>(
    'select id, settings from sites where domain = $1',
    [domain],
  );
  const site = sites[0];
  if (!site) throw new Error(`the demo site ${domain} is not seeded`);
  const usage = await fragmentUsage(pool, site.id);
  const { rows: campaigns } = await pool.query<{ id: string }>(
    `insert into campaign_masters (site_id, name, headline_spintax_root, niche_variables, location_mode,
                                   target_state_id, radius_center, radius_km, avatar_ids, template_id,
                                   target_word_count)
     select site_id, name || ' (corpus ' || gen_random_uuid() || ')', headline_spintax_root, niche_variables,
            location_mode, target_state_id, radius_center, radius_km, avatar_ids, template_id, target_word_count
     from campaign_masters where site_id = $1 and name = $2
     returning id`,
    [site.id, campaignName],
  );
  const campaignId = campaigns[0]?.id;
  if (!campaignId) throw new Error(`the demo campaign "${campaignName}" is not seeded`);
  created.push({ siteId: site.id, campaignId, usage });
  const { rows: jobs } = await pool.query<{ id: string }>(
    `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
     values ($1, $2, 'generate_articles', 'queued', jsonb_build_object('count', $3::int), $3) returning id`,
    [site.id, campaignId, CORPUS_SIZE],
  );
  const jobId = jobs[0]?.id ?? '';
  // Every place of the campaign's target × its avatars, biggest places first, repeated with a variant
  // number until there are enough (as several headline patterns per place would).
  await pool.query(
    `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, state_id, county_id,
                                     city_id, avatar_id, status, claimed_by_job, claimed_at)
     select m.site_id, m.id, format('%s for %ss in %s, %s (%s)', m.niche_variables->>'Niche', a.name, c.name,
                                    s.code, k),
            k, format('%s:corpus:%s:%s:%s', m.id, c.id, a.id, k), c.state_id, c.county_id, c.id, a.id,
            'claimed', $2::uuid, now()
     from campaign_masters m
     cross join generate_series(0, $3::int - 1) k
     join geo_cities c on (m.location_mode = 'state' and c.state_id = m.target_state_id)
                       or (m.location_mode = 'radius'
                           and ST_DWithin(c.geom::geography, m.radius_center::geography, m.radius_km * 1000))
     join geo_states s on s.id = c.state_id
     join avatar_intelligence a on a.id = any(m.avatar_ids)
     where m.id = $1
     order by k, c.population desc nulls last, c.name, a.name
     limit $3`,
    [campaignId, jobId, CORPUS_SIZE],
  );
  return { siteId: site.id, campaignId, jobId, contactPath: site.settings.contact_path ?? '' };
}

describe.each(TENANTS)('the demo library of $domain', ({ domain, campaign }) => {
  let articles: CorpusArticle[] = [];
  let texts: string[] = [];
  let figures: CorpusFigures | undefined;
  let contactPath = '';
  let siteId = '';
  let campaignId = '';

  it(`generates ${CORPUS_SIZE} articles without a failure`, async () => {
    const reserved = await reserveDemoCorpus(domain, campaign);
    contactPath = reserved.contactPath;
    let failed = 0;
    for (let chunk = 0; chunk * 500 < CORPUS_SIZE; chunk += 1) {
      const result = await generateArticlesChunk(
        pool,
        { generationJobId: reserved.jobId, siteId: reserved.siteId, campaignId: reserved.campaignId, chunk },
        async () => {},
      );
      failed += result.failed;
      expect(result.warnings).toEqual([]);
    }
    articles = await loadCampaignCorpus(pool, reserved.campaignId);
    texts = articles.map((article) => htmlToText(article.html));
    figures = measureCampaignCorpus(articles, contactPath);
    siteId = reserved.siteId;
    campaignId = reserved.campaignId;
    expect(failed).toBe(0);
    expect(articles).toHaveLength(CORPUS_SIZE);
  }, 240_000);

  it('writes 900 to 1,500 words for a typical article and nothing unresolved', () => {
    expect(figures?.words.median).toBeGreaterThanOrEqual(900);
    expect(figures?.words.max).toBeLessThanOrEqual(1500);
    expect(figures?.unresolved).toBe(0);
  });

  it('has a near-duplicate rate (5-word shingles, Jaccard >= 0.7) under 1% of pairs', () => {
    // The corpus figures, for the record of a run.
    console.info(`${domain}: ${JSON.stringify(figures)}`);
    expect(figures?.articles).toBe(CORPUS_SIZE);
    expect(figures?.nearDuplicateRate).toBeLessThan(0.01);
    // LSH proposed far fewer pairs than all of them: the check is not quadratic.
    expect(figures?.candidatePairs).toBeLessThan(figures?.pairs ?? 0);
  });

  it("links every article to the site's contact page and to its phone", () => {
    expect(contactPath).toMatch(/^\//);
    const missing = articles.filter(
      (article) =>
        !article.html.includes(`href="${contactPath}"`) || !/href="tel:\+\d{10,15}"/.test(article.html),
    );
    expect(missing.map((article) => article.id)).toEqual([]);
    expect(figures?.withContactPath).toBe(CORPUS_SIZE);
  });

  it('agrees every "a" and "an" with the next word and starts every sentence with a capital', () => {
    const wrong = new Set<string>();
    for (const text of texts) {
      for (const [, article, word] of text.matchAll(
        /(?<![\p{L}'’&-])(a|an|A|An) ([\p{L}\p{N}][\p{L}\p{N}'-]*)/gu,
      )) {
        if (article === 'A' && /^\p{Lu}/u.test(word as string)) continue; // "Plan A Roofing"
        if ((article?.toLowerCase() === 'an') !== startsWithVowelSound(word as string))
          wrong.add(`${article} ${word}`);
      }
      for (const [phrase] of text.matchAll(/[.!?] \p{Ll}\S*/gu)) wrong.add(phrase);
      for (const [phrase] of text.matchAll(/(?<![\p{L}'’])(\p{L}+) \1(?![\p{L}])/giu)) wrong.add(phrase);
    }
    expect([...wrong]).toEqual([]);
  });

  it('gives one answer per FAQ question across the whole site', () => {
    const answers = new Map<string, Set<string>>();
    for (const article of articles) {
      for (const [, question, answer] of article.html.matchAll(/<h3>([^<]*\?)<\/h3><p>(.*?)<\/p>/g)) {
        const seen = answers.get(question as string) ?? new Set<string>();
        seen.add(answer as string);
        answers.set(question as string, seen);
      }
    }
    expect(answers.size).toBeGreaterThanOrEqual(6);
    const conflicting = [...answers].filter(([, given]) => given.size > 1).map(([question]) => question);
    expect(conflicting).toEqual([]);
  });

  it('names the three places nearest to each city, nearest first, by distance on the sphere', async () => {
    const cityIds = [...new Set(articles.map((article) => article.city_id))];
    const { rows } = await pool.query<{ id: string; nearby: string[] }>(
      `select c.id, array(select n.name from geo_cities n
                          where n.id <> c.id and n.geom is not null and n.name <> c.name
                          order by ST_Distance(n.geom::geography, c.geom::geography), n.name limit 3) as nearby
       from geo_cities c where c.id = any($1::uuid[])`,
      [cityIds],
    );
    const nearest = new Map(rows.map((row) => [row.id, joinEnglishList(row.nearby)]));
    const wrong = articles.filter((article, i) => {
      const expected = nearest.get(article.city_id);
      return expected === undefined || expected === '' || !(texts[i] as string).includes(expected);
    });
    expect(cityIds.length).toBeGreaterThan(1);
    expect(wrong.map((article) => article.id)).toEqual([]);
  }, 60_000); // one KNN query per city of the corpus: seconds, more on a busy machine

  it("states the place's county and population from the geography, never the audience in Title Case", () => {
    const wrong = articles.filter((article, i) => {
      const text = texts[i] as string;
      return (
        article.county === null ||
        article.population === null ||
        !text.includes(article.county) ||
        !text.includes(formatPopulation(article.population)) ||
        (article.avatar !== null && text.includes(article.avatar))
      );
    });
    expect(wrong.map((article) => article.id)).toEqual([]);
  });

  it(`once published and linked: no orphan, >= 3 links each, every article within ${MAX_CLICKS} clicks of /, every hub in the sitemap`, async () => {
    const { rows } = await pool.query<{ id: string; schema_json: unknown }>(
      'select id, schema_json from generated_articles where campaign_id = $1',
      [campaignId],
    );
    expect(rows).toHaveLength(CORPUS_SIZE);
    await withTransaction(pool, (client) => markArticlesPublished(client, rows, new Date()));
    const { rows: jobs } = await pool.query<{ id: string }>(
      `insert into generation_jobs (site_id, campaign_id, type, status, params)
       values ($1, $2, 'insert_links', 'queued', '{}') returning id`,
      [siteId, campaignId],
    );
    const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
    try {
      // The frontend learns of the published articles as it does in production: a site content version bump.
      await bumpSiteContent(redis, [siteId]);
      const linked = await insertLinks(pool, jobs[0]?.id ?? '', siteId, (site) =>
        bumpSiteContent(redis, [site]),
      );
      expect(linked).toMatchObject({ articles: CORPUS_SIZE, orphans: 0 });
    } finally {
      redis.disconnect();
    }
    const site = await measurePublishedSite(pool, {
      siteId,
      campaignId,
      domain,
      frontendUrl: process.env.FRONTEND_URL ?? '',
    });
    console.info(
      `${domain}: ${JSON.stringify({ ...site, unreachedArticles: site.unreachedArticles.length })}`,
    );
    expect(site.links).toMatchObject({ articles: CORPUS_SIZE, orphans: 0 });
    expect(site.links.minLinksPerArticle).toBeGreaterThanOrEqual(3);
    expect(site.unreachedArticles).toEqual([]);
    expect(site.maxClickDepth).toBeLessThanOrEqual(MAX_CLICKS);
    expect(site.hubs).toBeGreaterThan(3);
    expect(site.hubsMissingFromSitemap).toEqual([]);
  }, 300_000);
});
