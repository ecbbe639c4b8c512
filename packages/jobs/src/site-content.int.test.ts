import { siteArticlesVersionKey, siteVersionKey } from '@spark/contracts';
import { applySchema, createPool, lookupRenderedPage, storeRenderedPage } from '@spark/db';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@spark/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobsLog } from './log.js';
import { invalidateSiteContent } from './site-content.js';

const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
const quiet: JobsLog = { warn: () => {}, error: () => {} };

describe('site content invalidation and the render store', { timeout: 60_000 }, () => {
  let db: ThrowawayDatabase;
  let alpha = '';
  let beta = '';
  const ids: Record<string, string> = {};

  const insertSite = async (domain: string) =>
    (
      await db.pool.query<{ id: string }>('insert into sites (name, domain) values ($1, $1) returning id', [
        domain,
      ])
    ).rows[0]?.id as string;

  const insertArticle = async (siteId: string, title: string) =>
    (
      await db.pool.query<{ id: string }>(
        `insert into generated_articles (site_id, title, slug, status, generation_key, published_at)
         values ($1, $2, $3, 'published', $4, now() - interval '1 hour') returning id`,
        [siteId, title, title.toLowerCase(), `${siteId}:${title}`],
      )
    ).rows[0]?.id as string;

  const storePage = async (siteId: string, path: string, tags: string[]) => {
    const url = `http://site.test${path}`;
    const { epoch } = await lookupRenderedPage(db.pool, siteId, url, '1');
    const stored = await storeRenderedPage(
      db.pool,
      { siteId, url, siteVersion: '1', tags, status: 200, headers: [], body: Buffer.from(path), hash: path },
      epoch,
    );
    expect(stored).toBe(true);
  };

  const storedPaths = async (siteId: string) =>
    (
      await db.pool.query<{ url: string }>(
        'select url from render_store.rendered_pages where site_id = $1 order by url',
        [siteId],
      )
    ).rows.map((row) => new URL(row.url).pathname);

  const counter = async (key: string) => Number((await redis.get(key)) ?? 0);
  const epochOf = async (siteId: string) =>
    Number((await lookupRenderedPage(db.pool, siteId, 'http://site.test/', '1')).epoch);

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    await applySchema(db.pool);
    alpha = await insertSite('alpha.render.test');
    beta = await insertSite('beta.render.test');
    // Titles order the "next article" ring: Anchor → Bridge → Canal → Anchor.
    for (const title of ['Anchor', 'Bridge', 'Canal']) ids[title] = await insertArticle(alpha, title);
    ids.beta = await insertArticle(beta, 'Bridge');
  });

  afterAll(async () => {
    await db?.drop();
    redis.disconnect();
  });

  it('deletes the stored pages that show or would now show a changed article, and targets the articles version', async () => {
    const { Anchor: a, Bridge: b, Canal: c } = ids as Record<'Anchor' | 'Bridge' | 'Canal', string>;
    // Anchor's page was rendered when Canal followed it; Bridge, just published, now comes after Anchor.
    await storePage(alpha, '/anchor', [`page:${a}`, `shows:${c}`]);
    await storePage(alpha, '/bridge', [`page:${b}`, `shows:${c}`]);
    await storePage(alpha, '/canal', [`page:${c}`, `shows:${a}`]);
    await storePage(beta, '/bridge', [`page:${ids.beta}`]);
    const site = await counter(siteVersionKey(alpha));
    const articles = await counter(siteArticlesVersionKey(alpha));
    const epoch = await epochOf(alpha);

    await invalidateSiteContent(
      redis,
      [{ siteId: alpha, collection: 'generated_articles', articleIds: [b] }],
      undefined,
      {
        db: db.pool,
        log: quiet,
      },
    );

    expect(await storedPaths(alpha)).toEqual(['/canal']);
    expect(await storedPaths(beta)).toEqual(['/bridge']);
    expect(await counter(siteArticlesVersionKey(alpha))).toBe(articles + 1);
    expect(await counter(siteVersionKey(alpha))).toBe(site);
    // Deleted before and again after the version bump, each pass moving the epoch.
    expect(await epochOf(alpha)).toBe(epoch + 2);
  });

  it('deletes every stored page of a site on a site-wide change, and only of that site', async () => {
    await storePage(alpha, '/anchor', [`page:${ids.Anchor}`]);
    await invalidateSiteContent(redis, [{ siteId: alpha, collection: 'navigation' }], undefined, {
      db: db.pool,
      log: quiet,
    });
    expect(await storedPaths(alpha)).toEqual([]);
    expect(await storedPaths(beta)).toEqual(['/bridge']);
  });

  it('turns an article change into a whole-site change when the store cannot be reached', async () => {
    const unreachable = createPool(db.url, { max: 1 });
    await unreachable.end();
    const site = await counter(siteVersionKey(beta));
    const articles = await counter(siteArticlesVersionKey(beta));
    const warnings: string[] = [];
    await invalidateSiteContent(
      redis,
      [{ siteId: beta, collection: 'generated_articles', articleIds: [ids.beta as string] }],
      undefined,
      { db: unreachable, log: { ...quiet, warn: (_fields, message) => warnings.push(message) } },
    );
    // The new site version retires every stored page of the site, the one that was not deleted included.
    expect(await counter(siteVersionKey(beta))).toBe(site + 1);
    expect(await counter(siteArticlesVersionKey(beta))).toBe(articles);
    expect(warnings).toEqual(['render store invalidation failed; invalidating the whole site']);
  });
});
