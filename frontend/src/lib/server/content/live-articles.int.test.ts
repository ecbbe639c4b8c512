import { NEARBY_AREA_KM } from '@spark/core';
import { bumpSiteContent } from '@spark/jobs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../eventually.testing.js';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { testPool } from './content-change.testing.js';

/**
 * Article pages read articles with SQL, not through Directus's policy: the same rule must hold — only the
 * host's site, only published rows whose publication time has come — and the HTML is still sanitised. Two
 * sites of their own share a slug, so a leak in either direction shows.
 */
const pool = testPool();
const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
const stamp = Date.now().toString(36);
const domains = { first: `live-a-${stamp}.localhost`, second: `live-b-${stamp}.localhost` };
const ids = { first: '', second: '' };

async function createSite(name: string, domain: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into sites (name, domain) values ($1, $2) returning id`,
    [name, domain],
  );
  return rows[0]?.id ?? '';
}

async function insertArticle(
  siteId: string,
  slug: string,
  title: string,
  status: string,
  timing: { published_at?: string; publish_at?: string } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, title, slug, html_content, status, published_at, publish_at, generation_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      siteId,
      title,
      slug,
      `<p>Body of ${title}</p><script>alert(1)</script><img src=x onerror=alert(2)>`,
      status,
      timing.published_at ?? null,
      timing.publish_at ?? null,
      `test:live:${siteId}:${slug}`,
    ],
  );
  return rows[0]?.id ?? '';
}

const page = (site: keyof typeof domains, path: string) => getSite(tenantHost(domains[site]), path);

beforeAll(async () => {
  ids.first = await createSite('Live First Co', domains.first);
  ids.second = await createSite('Live Second Co', domains.second);
  const past = new Date(Date.now() - 60_000).toISOString();
  const future = new Date(Date.now() + 86_400_000).toISOString();
  await insertArticle(ids.first, `shared-${stamp}`, `First shared ${stamp}`, 'published', {
    published_at: past,
  });
  await insertArticle(ids.second, `shared-${stamp}`, `Second shared ${stamp}`, 'published', {
    published_at: past,
  });
  await insertArticle(ids.second, `second-only-${stamp}`, `Second only ${stamp}`, 'published', {
    published_at: past,
  });
  for (const status of ['queued', 'qc', 'approved', 'archived']) {
    await insertArticle(ids.first, `${status}-${stamp}`, `A ${status} article ${stamp}`, status);
  }
  await insertArticle(ids.first, `scheduled-${stamp}`, `Scheduled ${stamp}`, 'scheduled', {
    publish_at: future,
  });
  await insertArticle(ids.first, `embargoed-${stamp}`, `Embargoed ${stamp}`, 'published', {
    published_at: future,
  });
});

afterAll(async () => {
  await pool.query('delete from generated_articles where site_id = any($1::uuid[])', [
    [ids.first, ids.second],
  ]);
  await pool.query('delete from sites where id = any($1::uuid[])', [[ids.first, ids.second]]);
  await pool.end();
  redis.disconnect();
});

describe('cold article pages', () => {
  it("serves each site its own article under a slug both use, sanitised, and never the other site's", async () => {
    const first = await page('first', `/shared-${stamp}`);
    const second = await page('second', `/shared-${stamp}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain(`First shared ${stamp}`);
    expect(first.text).not.toContain(`Second shared ${stamp}`);
    expect(first.text).not.toContain('alert(1)');
    expect(first.text).not.toContain('onerror');
    expect(second.status).toBe(200);
    expect(second.text).toContain(`Second shared ${stamp}`);
    expect(second.text).not.toContain(`First shared ${stamp}`);
  });

  it("answers 404 for another site's article", async () => {
    const answer = await page('first', `/second-only-${stamp}`);
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain(`Second only ${stamp}`);
    expect((await page('second', `/second-only-${stamp}`)).status).toBe(200);
  });

  it('answers 404 for articles not published, scheduled, or published with a time still to come', async () => {
    for (const slug of ['queued', 'qc', 'approved', 'archived', 'scheduled', 'embargoed']) {
      const answer = await page('first', `/${slug}-${stamp}`);
      expect(answer.status, slug).toBe(404);
      expect(answer.text, slug).not.toContain(`${stamp}</h1>`);
    }
  });

  it('links only live articles of nearby cities, never one whose publication time is still to come', async () => {
    const { rows } = await pool.query<{ here: string; there: string }>(
      `select a.id as here, b.id as there from geo_cities a
       join geo_cities b on b.id <> a.id and ST_DWithin(a.geom::geography, b.geom::geography, $1 * 1000)
       where a.geom is not null and b.geom is not null
       order by a.id, b.id limit 1`,
      [NEARBY_AREA_KM / 2],
    );
    const cities = rows[0];
    if (!cities) throw new Error('the test geography has no two cities near each other');
    const past = new Date(Date.now() - 60_000).toISOString();
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const place = (slug: string, city: string) =>
      pool.query('update generated_articles set city_id = $3 where site_id = $1 and slug = $2', [
        ids.second,
        slug,
        city,
      ]);
    await insertArticle(ids.second, `origin-${stamp}`, `Origin ${stamp}`, 'published', {
      published_at: past,
    });
    await insertArticle(ids.second, `near-live-${stamp}`, `Near live ${stamp}`, 'published', {
      published_at: past,
    });
    await insertArticle(ids.second, `near-later-${stamp}`, `Near later ${stamp}`, 'published', {
      published_at: later,
    });
    await place(`origin-${stamp}`, cities.here);
    await place(`near-live-${stamp}`, cities.there);
    await place(`near-later-${stamp}`, cities.there);
    const answer = await page('second', `/origin-${stamp}`);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`/near-live-${stamp}`);
    expect(answer.text).not.toContain(`near-later-${stamp}`);
    expect(answer.text).not.toContain(`Near later ${stamp}`);
  });

  it('stops serving an article once it is unpublished, on its own site only', async () => {
    expect((await page('first', `/shared-${stamp}`)).status).toBe(200);
    const { rows } = await pool.query<{ id: string }>(
      `update generated_articles set status = 'archived' where site_id = $1 and slug = $2 returning id`,
      [ids.first, `shared-${stamp}`],
    );
    await bumpSiteContent(redis, new Map([[ids.first, rows.map((row) => row.id)]]), undefined, pool);
    const gone = await eventually(
      () => page('first', `/shared-${stamp}`),
      (answer) => answer.status === 404,
    );
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain(`First shared ${stamp}`);
    const other = await page('second', `/shared-${stamp}`);
    expect(other.status).toBe(200);
    expect(other.text).toContain(`Second shared ${stamp}`);
  });
});
