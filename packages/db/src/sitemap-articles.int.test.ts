import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from './schema.js';
import {
  listLiveArticleLastmods,
  listSitemapArticles,
  summarizeSitemapArticles,
} from './sitemap-articles.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';

describe('sitemap articles', { timeout: 60_000 }, () => {
  let db: ThrowawayDatabase;
  let alpha = '';
  let beta = '';
  // Children of three URLs: the split is checked on a handful of rows, not 50,000.
  const options = { chunkSize: 3, reservedSlugs: ['blog', 'areas'] };

  const site = async (domain: string) =>
    (
      await db.pool.query<{ id: string }>('insert into sites (name, domain) values ($1, $1) returning id', [
        domain,
      ])
    ).rows[0]?.id as string;

  /** `published` is the publication time relative to now, in minutes (negative: in the past). */
  const article = (siteId: string, slug: string, status: string, published?: number, updated?: number) =>
    db.pool.query(
      `insert into generated_articles (site_id, title, slug, status, generation_key, publish_at, published_at,
                                       date_updated)
       values ($1, $2, $2, $3, $6, case when $3::text = 'scheduled' then now() + interval '1 day' end,
               now() + make_interval(mins => $4), now() + make_interval(mins => $5))`,
      [siteId, slug, status, published ?? null, updated ?? null, `${siteId}:${slug}`],
    );

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    await applySchema(db.pool);
    alpha = await site('alpha.test');
    beta = await site('beta.test');
    for (const [slug, minutesAgo] of [
      ['a-one', 50],
      ['b-two', 40],
      ['c-three', 30],
      ['d-four', 20],
      ['e-five', 10],
      ['f-six', 5],
      ['g-seven', 60],
    ] as const) {
      await article(alpha, slug, 'published', -minutesAgo);
    }
    // Edited after publication: its lastmod is the edit.
    await db.pool.query(
      `update generated_articles set date_updated = now() - interval '1 minute' where slug = 'a-one'`,
    );
    await article(alpha, 'draft-in-review', 'qc');
    await article(alpha, 'approved-not-live', 'approved');
    await article(alpha, 'scheduled-later', 'scheduled');
    await article(alpha, 'embargoed', 'published', 60);
    await article(alpha, 'archived-one', 'archived', -100);
    await article(alpha, 'blog', 'published', -5);
    await article(alpha, 'shadowed', 'published', -5);
    await db.pool.query(
      `insert into pages (site_id, permalink, title, status) values ($1, '/shadowed', 'A page', 'published'),
                                                                    ($1, '/g-seven', 'A draft page', 'draft')`,
      [alpha],
    );
    await article(beta, 'beta-only', 'published', -5);
    await db.pool.query('analyze generated_articles');
  });

  afterAll(async () => {
    await db?.drop();
  });

  const allChildren = async (siteId: string) => {
    const chunks = await summarizeSitemapArticles(db.pool, siteId, options);
    return Promise.all(chunks.map((chunk) => listSitemapArticles(db.pool, siteId, chunk.number, options)));
  };

  it('lists only the site’s live articles, never drafts, scheduled, embargoed, archived or another site’s', async () => {
    const slugs = (await allChildren(alpha)).flat().map((row) => row.slug);
    expect(slugs).toEqual(['a-one', 'b-two', 'c-three', 'd-four', 'e-five', 'f-six', 'g-seven']);
    expect((await allChildren(beta)).flat().map((row) => row.slug)).toEqual(['beta-only']);
  });

  it('leaves out reserved slugs and slugs a published page owns, but not ones a draft page would', async () => {
    const slugs = (await allChildren(alpha)).flat().map((row) => row.slug);
    expect(slugs).not.toContain('blog');
    expect(slugs).not.toContain('shadowed');
    expect(slugs).toContain('g-seven');
  });

  it('splits into children of chunkSize in slug order, each summarised by its count and newest lastmod', async () => {
    const chunks = await summarizeSitemapArticles(db.pool, alpha, options);
    const children = await allChildren(alpha);
    expect(chunks.map((chunk) => [chunk.number, chunk.count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 1],
    ]);
    expect(children.map((child) => child.map((row) => row.slug))).toEqual([
      ['a-one', 'b-two', 'c-three'],
      ['d-four', 'e-five', 'f-six'],
      ['g-seven'],
    ]);
    chunks.forEach((chunk, i) => {
      expect(chunk.lastmod).toBe(
        children[i]
          ?.map((row) => row.lastmod)
          .sort()
          .at(-1),
      );
    });
    expect(await listSitemapArticles(db.pool, alpha, 4, options)).toEqual([]);
    expect(await listSitemapArticles(db.pool, alpha, 0, options)).toEqual([]);
  });

  it('dates each article by the later of publication and last edit, as ISO-8601 UTC with milliseconds', async () => {
    const { rows } = await db.pool.query<{ slug: string; lastmod: Date }>(
      `select slug, greatest(published_at, date_updated) as lastmod from generated_articles
       where site_id = $1 and status = 'published'`,
      [alpha],
    );
    const expected = new Map(rows.map((row) => [row.slug, row.lastmod.toISOString()]));
    for (const row of (await allChildren(alpha)).flat()) expect(row.lastmod).toBe(expected.get(row.slug));
    const first = (await listSitemapArticles(db.pool, alpha, 1, options))[0];
    // a-one was edited a minute ago, long after it was published.
    expect(first?.lastmod).toBe(expected.get('a-one'));
    expect(Date.now() - Date.parse(first?.lastmod ?? '')).toBeLessThan(5 * 60_000);
  });

  it('dates hubs from every live article, a shadowed one included, and nothing that is not live', async () => {
    const slugs = (await listLiveArticleLastmods(db.pool, alpha)).map((row) => row.slug).sort();
    expect(slugs).toEqual([
      'a-one',
      'b-two',
      'blog',
      'c-three',
      'd-four',
      'e-five',
      'f-six',
      'g-seven',
      'shadowed',
    ]);
  });
});
