import { randomUUID } from 'node:crypto';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/admin-session.js';
import { tenantLibrary } from '../factory/testing/factory-api.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const tag = randomUUID().slice(0, 8);
const ids = { first: randomUUID(), second: randomUUID() };
/** Admin pages answer on the platform host only. */
const host = process.env.PUBLIC_PLATFORM_HOST ?? 'localhost';
const SHARED = 'Every roof in the county gets a free inspection before winter storms arrive';

beforeAll(async () => {
  const alpha = await tenantLibrary(pool, 'alpha.localhost');
  const insert = (id: string, title: string, html: string) =>
    pool.query(
      `insert into generated_articles (id, site_id, title, slug, html_content, status, generation_key)
       values ($1, $2, $3, $4, $5, 'qc', $4)`,
      [id, alpha.siteId, title, `dup-${tag}-${id.slice(0, 8)}`, html],
    );
  await insert(ids.first, `Roofing in Austin ${tag}`, `<p>Austin homes first. ${SHARED}. Call us.</p>`);
  await insert(
    ids.second,
    `Roofing in Dallas ${tag}`,
    `<p>Dallas, listen: ${SHARED.toUpperCase()}! Book now.</p>`,
  );
  // As the duplicate scan stores it: normalised words, once per pair, from the article it started at.
  await pool.query(
    `insert into quality_flags (site_id, article_id, other_article_id, type, score, excerpt)
     values ($1, $2, $3, 'near_duplicate', 0.82, $4)`,
    [alpha.siteId, ids.first, ids.second, SHARED.toLowerCase()],
  );
});
afterAll(async () => {
  await pool.query('delete from generated_articles where id = any($1::uuid[])', [[ids.first, ids.second]]);
  await pool.end();
});

/** The marked passages of the side-by-side block, in page order. */
function marked(html: string): string[] {
  const block = html.slice(html.indexOf('data-testid="duplicate-side-by-side"'));
  return [...block.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1] ?? '');
}

describe('the article preview of a near-duplicate', () => {
  // Another site's editor gets 404 for either article: the journey checks that for previews (one sign-in
  // less here keeps the suite under the sign-in rate limit).
  it('shows both articles side by side with the shared passage marked in each, from either side', async () => {
    const session = await signInAs('alpha.localhost');
    for (const [self, other] of [
      [ids.first, ids.second],
      [ids.second, ids.first],
    ] as const) {
      const page = await session.call<string>(`/admin/preview/${self}`, { host });
      expect(page.status).toBe(200);
      expect(page.body).toContain('data-testid="duplicate-side-by-side"');
      expect(page.body).toContain(`href="/admin/preview/${other}"`);
      expect(page.body).toContain(`Roofing in Austin ${tag}`);
      expect(page.body).toContain(`Roofing in Dallas ${tag}`);
      const passages = marked(page.body);
      expect(passages).toHaveLength(2);
      const expected = self === ids.first ? [SHARED, SHARED.toUpperCase()] : [SHARED.toUpperCase(), SHARED];
      expect(passages).toEqual(expected);
    }
  });
});
