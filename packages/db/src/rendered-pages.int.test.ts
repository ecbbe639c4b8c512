import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimWantedPages,
  invalidateRenderedPages,
  lookupRenderedPage,
  type RenderedPage,
  storeRenderedPage,
  wantPages,
} from './rendered-pages.js';
import { applySchema } from './schema.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';

describe('render store', { timeout: 60_000 }, () => {
  let db: ThrowawayDatabase;
  let alpha = '';
  let beta = '';

  const site = async (domain: string) =>
    (
      await db.pool.query<{ id: string }>('insert into sites (name, domain) values ($1, $1) returning id', [
        domain,
      ])
    ).rows[0]?.id as string;

  const page = (siteId: string, path: string, tags: string[], body = `<p>${path}</p>`): RenderedPage => ({
    siteId,
    url: `http://site.test${path}`,
    siteVersion: '3',
    tags,
    status: 200,
    headers: [['content-type', 'text/html; charset=utf-8']],
    body: Buffer.from(body),
    hash: `hash-of-${path}`,
  });

  /** Looks the page up and stores it under the epoch that lookup saw, as the frontend does after a miss. */
  const render = async (rendered: RenderedPage) => {
    const { epoch } = await lookupRenderedPage(db.pool, rendered.siteId, rendered.url, rendered.siteVersion);
    return storeRenderedPage(db.pool, rendered, epoch);
  };

  const bodyAt = async (siteId: string, path: string, version = '3') =>
    (await lookupRenderedPage(db.pool, siteId, `http://site.test${path}`, version)).page?.body.toString() ??
    null;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    await applySchema(db.pool);
    alpha = await site('alpha.test');
    beta = await site('beta.test');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('serves a stored page back with its headers, tags and hash, only to its own site and version', async () => {
    expect(await render(page(alpha, '/one', ['page:1', 'shows:2']))).toBe(true);
    const { page: found } = await lookupRenderedPage(db.pool, alpha, 'http://site.test/one', '3');
    expect(found).toMatchObject({
      siteId: alpha,
      siteVersion: '3',
      tags: ['page:1', 'shows:2'],
      status: 200,
      headers: [['content-type', 'text/html; charset=utf-8']],
      hash: 'hash-of-/one',
    });
    expect(found?.body.toString()).toBe('<p>/one</p>');
    expect(await bodyAt(beta, '/one')).toBeNull();
    expect(await bodyAt(alpha, '/one', '4')).toBeNull();
  });

  it('deletes exactly the pages carrying an invalidated tag, and bumps the epoch', async () => {
    await render(page(alpha, '/a', ['page:a', 'shows:b']));
    await render(page(alpha, '/b', ['page:b']));
    await render(page(alpha, '/c', ['page:c', 'city:9']));
    await render(page(beta, '/b', ['page:b']));
    const before = (await lookupRenderedPage(db.pool, alpha, 'http://site.test/a', '3')).epoch;
    expect(await invalidateRenderedPages(db.pool, alpha, ['page:b', 'shows:b'])).toBe(2);
    expect(await bodyAt(alpha, '/a')).toBeNull();
    expect(await bodyAt(alpha, '/b')).toBeNull();
    expect(await bodyAt(alpha, '/c')).toBe('<p>/c</p>');
    expect(await bodyAt(beta, '/b')).toBe('<p>/b</p>');
    const after = (await lookupRenderedPage(db.pool, alpha, 'http://site.test/a', '3')).epoch;
    expect(BigInt(after)).toBe(BigInt(before) + 1n);
  });

  it('deletes every page of one site on a site-wide invalidation', async () => {
    await render(page(alpha, '/d', ['page:d']));
    await render(page(beta, '/d', ['page:d']));
    expect(await invalidateRenderedPages(db.pool, alpha, 'site')).toBeGreaterThanOrEqual(2);
    expect(await bodyAt(alpha, '/d')).toBeNull();
    expect(await bodyAt(alpha, '/c')).toBeNull();
    expect(await bodyAt(beta, '/d')).toBe('<p>/d</p>');
  });

  it('refuses to store a page rendered before an invalidation that finished meanwhile', async () => {
    const stale = page(alpha, '/e', ['page:e'], 'old');
    const { epoch } = await lookupRenderedPage(db.pool, alpha, stale.url, '3');
    await invalidateRenderedPages(db.pool, alpha, ['page:e']);
    expect(await storeRenderedPage(db.pool, stale, epoch)).toBe(false);
    expect(await bodyAt(alpha, '/e')).toBeNull();
    // A render that starts after the invalidation stores normally.
    expect(await render(page(alpha, '/e', ['page:e'], 'new'))).toBe(true);
    expect(await bodyAt(alpha, '/e')).toBe('new');
  });

  it('refuses to store a page on a site that never had an epoch when an invalidation created it meanwhile', async () => {
    const gamma = await site('gamma.test');
    const stale = page(gamma, '/f', ['page:f'], 'old');
    const { epoch } = await lookupRenderedPage(db.pool, gamma, stale.url, '3');
    expect(epoch).toBe('0');
    await invalidateRenderedPages(db.pool, gamma, ['page:f']);
    expect(await storeRenderedPage(db.pool, stale, epoch)).toBe(false);
    expect(await bodyAt(gamma, '/f')).toBeNull();
  });

  it('serialises a store against an open invalidation on another connection: the store waits and is refused', async () => {
    const racing = page(alpha, '/g', ['page:g'], 'raced');
    const { epoch } = await lookupRenderedPage(db.pool, alpha, racing.url, '3');
    const invalidator = new pg.Client({ connectionString: db.url });
    await invalidator.connect();
    try {
      await invalidator.query('begin');
      await invalidator.query(
        'update render_store.rendered_page_epochs set epoch = epoch + 1 where site_id = $1',
        [alpha],
      );
      await invalidator.query(
        `delete from render_store.rendered_pages where site_id = $1 and tags && '{page:g}'`,
        [alpha],
      );
      let settled = false;
      const store = storeRenderedPage(db.pool, racing, epoch).finally(() => {
        settled = true;
      });
      // The store blocks on the epoch row the open invalidation holds.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await invalidator.query('commit');
      expect(await store).toBe(false);
    } finally {
      await invalidator.end();
    }
    expect(await bodyAt(alpha, '/g')).toBeNull();
  });

  it('deletes a page stored just before an invalidation took the epoch lock', async () => {
    const early = page(alpha, '/h', ['page:h'], 'early');
    const { epoch } = await lookupRenderedPage(db.pool, alpha, early.url, '3');
    const writer = new pg.Client({ connectionString: db.url });
    await writer.connect();
    try {
      // The store's transaction holds its share lock on the epoch row while the invalidation starts.
      await writer.query('begin');
      expect(await storeRenderedPage(writer, early, epoch)).toBe(true);
      let settled = false;
      const invalidation = invalidateRenderedPages(db.pool, alpha, ['page:h']).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await writer.query('commit');
      expect(await invalidation).toBe(1);
    } finally {
      await writer.end();
    }
    expect(await bodyAt(alpha, '/h')).toBeNull();
  });

  it('wants again what an invalidation deleted and the changed articles that are live, then hands each out once', async () => {
    const epsilon = await site('epsilon.test');
    const article = async (slug: string, status: string, publishedAt: string | null) =>
      (
        await db.pool.query<{ id: string }>(
          `insert into generated_articles (site_id, title, slug, html_content, status, published_at, generation_key)
           values ($1, $2, $2, '<p>x</p>', $3, $4::timestamptz, $2) returning id`,
          [epsilon, slug, status, publishedAt],
        )
      ).rows[0]?.id as string;
    const live = await article('live-one', 'published', '2026-01-01T00:00:00Z');
    const future = await article('future-one', 'published', '2999-01-01T00:00:00Z');
    const draft = await article('draft-one', 'approved', null);
    await render(page(epsilon, '/shown', ['shows:x']));
    await render(page(epsilon, '/kept', ['page:k']));
    expect(await invalidateRenderedPages(db.pool, epsilon, ['shows:x'], [live, future, draft])).toBe(1);
    const wanted = async () =>
      (
        await db.pool.query<{ path: string }>(
          'select path from render_store.wanted_pages where site_id = $1 order by path',
          [epsilon],
        )
      ).rows.map((row) => row.path);
    // The page it deleted and the live article's page; not the embargoed or draft article, not the kept page.
    expect(await wanted()).toEqual(['/live-one', '/shown']);

    const first = await claimWantedPages(db.pool, 1);
    const rest = await claimWantedPages(db.pool, 10);
    const claimed = [...first, ...rest].filter((claim) => claim.siteId === epsilon);
    expect(claimed.map((claim) => claim.path).sort()).toEqual(['/live-one', '/shown']);
    expect(claimed.every((claim) => claim.domain === 'epsilon.test')).toBe(true);
    expect(await wanted()).toEqual([]);
    // A render that failed goes back on the queue.
    await wantPages(db.pool, claimed.slice(0, 1));
    expect(await wanted()).toEqual([claimed[0]?.path]);

    // A site-wide invalidation wants every live article page of the site.
    await claimWantedPages(db.pool, 10);
    await invalidateRenderedPages(db.pool, epsilon, 'site');
    expect(await wanted()).toEqual(['/kept', '/live-one']);
  });

  it('removes a site’s pages and epoch with the site', async () => {
    const delta = await site('delta.test');
    await render(page(delta, '/i', ['page:i']));
    await db.pool.query('delete from sites where id = $1', [delta]);
    const { rows } = await db.pool.query(
      `select 1 from render_store.rendered_pages where site_id = $1
       union all select 1 from render_store.rendered_page_epochs where site_id = $1`,
      [delta],
    );
    expect(rows).toEqual([]);
  });
});
