import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from './schema.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing.js';

interface Rejection {
  code: string | undefined;
  message: string;
  detail: string | undefined;
  constraint: string | undefined;
  table: string | undefined;
}

/** What a failed statement tells its caller, with the offending id blanked so two rejections compare. */
async function rejection(run: () => Promise<unknown>, id: string): Promise<Rejection | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    const blank = (text: string | undefined) => text?.replaceAll(id, '<id>');
    return {
      code: error.code,
      message: error.message,
      detail: blank(error.detail),
      constraint: error.constraint,
      table: error.table,
    };
  }
}

describe('site-match on avatar and fragment references', { timeout: 30_000 }, () => {
  let db: ThrowawayDatabase;
  const q = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    db.pool.query<R>(sql, params);
  const one = async (sql: string, params: unknown[]) => {
    const id = (await q<{ id: string }>(sql, params)).rows[0]?.id;
    if (!id) throw new Error(`no row from ${sql}`);
    return id;
  };
  const site = () => {
    const host = `t${randomUUID().slice(0, 8)}.localhost`;
    return one('insert into sites (name, domain) values ($1, $1) returning id', [host]);
  };
  const avatar = (siteId: string | null) =>
    one('insert into avatar_intelligence (site_id, name) values ($1, $2) returning id', [
      siteId,
      randomUUID(),
    ]);
  const fragment = (siteId: string) =>
    one(
      `insert into content_fragments (site_id, fragment_type, body) values ($1, 'intro', $2) returning id`,
      [siteId, randomUUID()],
    );

  let alpha: string;
  let beta: string;
  let campaign: string;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    await applySchema(db.pool);
    [alpha, beta] = [await site(), await site()];
    campaign = await one(`insert into campaign_masters (site_id, name) values ($1, 'c') returning id`, [
      alpha,
    ]);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it("refuses another tenant's avatar in headline_inventory.avatar_id with the same error as an unknown id", async () => {
    const insert = (avatarId: string) => () =>
      q(
        `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, avatar_id)
         values ($1, $2, 't', 0, $3, $4)`,
        [alpha, campaign, randomUUID(), avatarId],
      );
    const [foreign, unknown] = [await avatar(beta), randomUUID()];
    const crossTenant = await rejection(insert(foreign), foreign);
    expect(crossTenant?.code).toBe('23503');
    expect(crossTenant).toEqual(await rejection(insert(unknown), unknown));
    expect(await rejection(insert(await avatar(alpha)), '')).toBeUndefined();
    expect(await rejection(insert(await avatar(null)), '')).toBeUndefined();
  });

  it("refuses another tenant's or an unknown avatar in campaign_masters.avatar_ids, identically", async () => {
    const [own, shared, foreign, unknown] = [
      await avatar(alpha),
      await avatar(null),
      await avatar(beta),
      randomUUID(),
    ];
    const create = (ids: string[]) => () =>
      q(`insert into campaign_masters (site_id, name, avatar_ids) values ($1, $2, $3)`, [
        alpha,
        randomUUID(),
        ids,
      ]);
    const crossTenant = await rejection(create([own, foreign]), foreign);
    expect(crossTenant?.code).toBe('23503');
    expect(crossTenant).toEqual(await rejection(create([own, unknown]), unknown));
    expect(await rejection(create([own, shared]), '')).toBeUndefined();
    const append = (id: string) => () =>
      q('update campaign_masters set avatar_ids = avatar_ids || $2::uuid where id = $1', [campaign, id]);
    expect(await rejection(append(foreign), foreign)).toEqual(crossTenant);
    const { rows } = await q<{ avatar_ids: string[] }>(
      'select avatar_ids from campaign_masters where id = $1',
      [campaign],
    );
    expect(rows[0]?.avatar_ids).toEqual([]);
  });

  it("refuses another tenant's or an unknown fragment in generated_articles.fragment_ids, identically", async () => {
    const [own, foreign, unknown] = [await fragment(alpha), await fragment(beta), randomUUID()];
    const create = (ids: string[]) => () =>
      q(
        `insert into generated_articles (site_id, title, slug, generation_key, fragment_ids)
         values ($1, 't', $2, $2, $3)`,
        [alpha, `a-${randomUUID()}`, ids],
      );
    const crossTenant = await rejection(create([own, foreign]), foreign);
    expect(crossTenant?.code).toBe('23503');
    expect(crossTenant).toEqual(await rejection(create([unknown]), unknown));
    expect(await rejection(create([own]), '')).toBeUndefined();
  });

  it('still lets an article change status after a fragment it used was deleted', async () => {
    const used = await fragment(alpha);
    const article = await one(
      `insert into generated_articles (site_id, title, slug, generation_key, fragment_ids)
       values ($1, 't', 'after-delete', $2, $3) returning id`,
      [alpha, randomUUID(), [used]],
    );
    await q('delete from content_fragments where id = $1', [used]);
    await q(`update generated_articles set status = 'qc' where id = $1`, [article]);
    const { rows } = await q<{ status: string }>('select status from generated_articles where id = $1', [
      article,
    ]);
    expect(rows[0]?.status).toBe('qc');
  });

  const article = (siteId: string) =>
    one(
      `insert into generated_articles (site_id, title, slug, generation_key) values ($1, 't', $2, $2) returning id`,
      [siteId, `a-${randomUUID()}`],
    );
  const link = (siteId: string, source: string, target: string) =>
    one(
      `insert into article_links (site_id, source_article_id, target_article_id, target_url, anchor_text, position)
       values ($1, $2, $3, $4, 'x', 0) returning id`,
      [siteId, source, target, `/${randomUUID()}`],
    );

  it('deletes articles that link to each other in one statement', async () => {
    const [first, second] = [await article(alpha), await article(alpha)];
    await link(alpha, first, second);
    await link(alpha, second, first);
    await q('delete from generated_articles where id = any($1::uuid[])', [[first, second]]);
    const { rows } = await q<{ n: number }>(
      'select count(*)::int as n from article_links where source_article_id = any($1::uuid[])',
      [[first, second]],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("still refuses an update that points a link at another tenant's article, like an unknown id", async () => {
    const [source, target] = [await article(alpha), await article(alpha)];
    const linkId = await link(alpha, source, target);
    const foreign = await article(beta);
    const missing = randomUUID();
    const pointAt = (id: string) =>
      rejection(() => q('update article_links set target_article_id = $2 where id = $1', [linkId, id]), id);
    const [refused, unknown] = [await pointAt(foreign), await pointAt(missing)];
    expect(refused?.code).toBe('23503');
    expect(refused).toEqual(unknown);
  });
});
