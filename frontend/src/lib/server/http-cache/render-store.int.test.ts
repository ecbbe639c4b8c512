import { bumpSiteContent, invalidateSiteContent, prerenderPage } from '@spark/jobs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPool } from '../content/content-change.testing.js';
import { eventually } from '../eventually.testing.js';
import { frontendUrl, getSite, tenantHost } from './site-client.testing.js';

/**
 * The render store: an article page rendered once (at publish, by another process, by a first visitor) is
 * kept in PostgreSQL and answered `x-cache: STORE` by a frontend that never rendered it; only live articles
 * of the host's own site are stored or served; an article change deletes the stored pages that show it and
 * a site-wide change retires every stored page of the site. Rows "planted" with a marker body stand for pages
 * rendered elsewhere: serving the marker proves the page was not rendered here.
 */
const pool = testPool();
const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
const stamp = Date.now().toString(36);
const alphaDomain = `store-a-${stamp}.localhost`;
const betaDomain = `store-b-${stamp}.localhost`;
const ids: Record<string, string> = {};
let alpha = '';
let beta = '';
// Long enough to be compressed, like a real page.
const MARKER = `<html><body>${'<p>rendered ahead, not here</p>'.repeat(100)}</body></html>`;

const get = (path: string, headers: Record<string, string> = {}) =>
  getSite(tenantHost(alphaDomain), path, headers);
const slug = (name: string) => `${name}-${stamp}`;

interface StoredRow {
  url: string;
  site_version: string;
  tags: string[];
  headers: [string, string][];
}

async function storedRow(siteId: string, path: string): Promise<StoredRow | undefined> {
  const { rows } = await pool.query<StoredRow>(
    `select url, site_version, tags, headers from render_store.rendered_pages
     where site_id = $1 and url like '%' || $2`,
    [siteId, path],
  );
  return rows[0];
}

async function insertArticle(siteId: string, name: string, status: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, title, slug, html_content, status, publish_at, published_at,
                                     generation_key)
     values ($1, $2, $3, '<p>Fresh advice.</p>', $4,
             case when $4::text = 'scheduled' then now() + interval '1 day' end,
             case when $4::text = 'published' then now() - interval '1 minute' end, $5)
     returning id`,
    [siteId, `Guide ${name}`, slug(name), status, `test:store:${stamp}:${name}`],
  );
  return rows[0]?.id ?? '';
}

/** Stores a page as if another process had rendered it under `like`'s site version and headers. */
async function plant(siteId: string, path: string, like: StoredRow, tags: string[]): Promise<void> {
  const origin = new URL(like.url).origin;
  await pool.query(
    `insert into render_store.rendered_pages (site_id, url, site_version, tags, status, headers, body, hash)
     values ($1, $2, $3, $4, 200, $5, convert_to($6, 'UTF8'), $7)
     on conflict (site_id, url) do update set body = excluded.body, hash = excluded.hash`,
    [
      siteId,
      `${origin}${path}`,
      like.site_version,
      tags,
      JSON.stringify(like.headers),
      MARKER,
      `planted${stamp}`,
    ],
  );
}

beforeAll(async () => {
  const site = async (domain: string) =>
    (
      await pool.query<{ id: string }>(`insert into sites (name, domain) values ($1, $1) returning id`, [
        domain,
      ])
    ).rows[0]?.id ?? '';
  alpha = await site(alphaDomain);
  beta = await site(betaDomain);
  for (const name of ['first', 'planted', 'foreign', 'edited', 'themed', 'zulu'])
    ids[name] = await insertArticle(alpha, name, 'published');
  ids.draft = await insertArticle(alpha, 'draft', 'approved');
  ids.ahead = await insertArticle(alpha, 'ahead', 'approved');
  ids.scheduled = await insertArticle(alpha, 'scheduled', 'scheduled');
});

afterAll(async () => {
  await pool.query('delete from generated_articles where site_id = any($1)', [[alpha, beta]]);
  await pool.query('delete from sites where id = any($1)', [[alpha, beta]]);
  await pool.end();
  redis.disconnect();
});

describe('render store', { timeout: 120_000 }, () => {
  let reference: StoredRow | undefined;

  it('stores a rendered article page with its tags, behind the response', async () => {
    const first = await get(`/${slug('first')}`);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    reference = await eventually(
      () => storedRow(alpha, `/${slug('first')}`),
      (row) => row !== undefined,
    );
    expect(reference?.tags).toContain(`page:${ids.first}`);
    const contentType = reference?.headers.find(([name]) => name === 'content-type')?.[1];
    expect(contentType).toMatch(/^text\/html/);
  });

  it('renders a newly published article ahead of its first visitor, as the worker asks for it', async () => {
    // "Guide zulu" is last by title, so the new "Guide ahead" (first) becomes its next article (the ring wraps
    // around): its stored page is deleted by the publish and wanted again.
    expect((await get(`/${slug('zulu')}`)).status).toBe(200);
    await eventually(
      () => storedRow(alpha, `/${slug('zulu')}`),
      (row) => row !== undefined,
    );
    await pool.query(
      `update generated_articles set status = 'published', published_at = now() - interval '1 minute' where id = $1`,
      [ids.ahead],
    );
    await bumpSiteContent(redis, new Map([[alpha, [ids.ahead ?? '', ids.draft ?? '']]]), undefined, pool);
    const { rows: wanted } = await pool.query<{ path: string }>(
      'select path from render_store.wanted_pages where site_id = $1 order by path',
      [alpha],
    );
    const paths = wanted.map((row) => row.path);
    // The live article is wanted; the draft named in the same change is not.
    expect(paths).toContain(`/${slug('ahead')}`);
    expect(paths).toContain(`/${slug('zulu')}`);
    expect(paths).not.toContain(`/${slug('draft')}`);
    // Visitors reach the site with the frontend's port in the Host header (tenantHost): so does the prerender.
    const target = { frontendUrl: frontendUrl().href, publicOrigin: `http://*:${frontendUrl().port}` };
    for (const path of paths) await prerenderPage(target, { domain: alphaDomain, path });
    const stored = await eventually(
      () => storedRow(alpha, `/${slug('ahead')}`),
      (row) => row !== undefined,
    );
    expect(stored?.tags).toContain(`page:${ids.ahead}`);
    // The prerender was not kept in memory: the first visitor gets the stored page, then memory.
    const first = await get(`/${slug('ahead')}`);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('STORE');
    expect(first.text).toContain('Guide ahead');
    expect((await get(`/${slug('ahead')}`)).headers['x-cache']).toBe('HIT');
    const zulu = await get(`/${slug('zulu')}`);
    expect(zulu.headers['x-cache']).toBe('STORE');
    expect(zulu.text).toContain(`/${slug('ahead')}`);
  });

  it('answers a never-requested article page from the store, with the HIT headers, ETag and 304', async () => {
    if (!reference) throw new Error('no reference row');
    await plant(alpha, `/${slug('planted')}`, reference, [`page:${ids.planted}`]);
    const stored = await get(`/${slug('planted')}`, { 'accept-encoding': 'br' });
    expect(stored.status).toBe(200);
    expect(stored.headers['x-cache']).toBe('STORE');
    expect(stored.headers['content-encoding']).toBe('br');
    expect(stored.headers['cache-control']).toBe(
      reference.headers.find(([name]) => name === 'cache-control')?.[1],
    );
    const identity = await get(`/${slug('planted')}`);
    expect(identity.headers['x-cache']).toBe('HIT');
    expect(identity.text).toBe(MARKER);
    const etag = identity.headers.etag ?? '';
    expect((await get(`/${slug('planted')}`, { 'if-none-match': etag })).status).toBe(304);
  });

  it('never serves another site’s stored page, nor stores a draft or scheduled article', async () => {
    if (!reference) throw new Error('no reference row');
    await plant(beta, `/${slug('foreign')}`, reference, [`page:${ids.foreign}`]);
    const own = await get(`/${slug('foreign')}`);
    expect(own.headers['x-cache']).toBe('MISS');
    expect(own.text).toContain('Guide foreign');
    expect(own.text).not.toContain(MARKER);
    for (const name of ['draft', 'scheduled']) expect((await get(`/${slug(name)}`)).status).toBe(404);
    await eventually(
      () => storedRow(alpha, `/${slug('foreign')}`),
      (row) => row !== undefined,
    );
    expect(await storedRow(alpha, `/${slug('draft')}`)).toBeUndefined();
    expect(await storedRow(alpha, `/${slug('scheduled')}`)).toBeUndefined();
  });

  it('deletes an unpublished article’s stored page: the next request renders the truth', async () => {
    expect((await get(`/${slug('edited')}`)).status).toBe(200);
    await eventually(
      () => storedRow(alpha, `/${slug('edited')}`),
      (row) => row !== undefined,
    );
    await pool.query(`update generated_articles set status = 'archived' where id = $1`, [ids.edited]);
    await bumpSiteContent(redis, new Map([[alpha, [ids.edited ?? '']]]), undefined, pool);
    expect(await storedRow(alpha, `/${slug('edited')}`)).toBeUndefined();
    const gone = await eventually(
      () => get(`/${slug('edited')}`),
      (answer) => answer.status === 404,
    );
    expect(gone.status).toBe(404);
  });

  it('retires every stored page of the site on a site-wide change (theme, navigation, globals)', async () => {
    if (!reference) throw new Error('no reference row');
    await plant(alpha, `/${slug('themed')}`, reference, [`page:${ids.themed}`]);
    await invalidateSiteContent(redis, [{ siteId: alpha, collection: 'globals' }]);
    const fresh = await eventually(
      () => get(`/${slug('themed')}`),
      (answer) => answer.headers['x-cache'] === 'MISS',
    );
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.text).toContain('Guide themed');
    expect(fresh.text).not.toContain(MARKER);
  });
});
