import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, editorOf, openDatabase, testStack, uniqueName } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const editor = editorOf(stack, 'alpha.localhost');
afterAll(() => db.end());

const idOf = async (sql: string, params: unknown[] = []) => {
  const id = (await db.query<{ id: string }>(sql, params)).rows[0]?.id;
  if (!id) throw new Error(`no row from ${sql}`);
  return id;
};

let alphaId = '';
let campaignId = '';
let betaAvatar = '';
let betaFragment = '';
beforeAll(async () => {
  alphaId = await idOf(`select id from sites where domain = 'alpha.localhost'`);
  const betaId = await idOf(`select id from sites where domain = 'beta.localhost'`);
  campaignId = await idOf(`insert into campaign_masters (site_id, name) values ($1, $2) returning id`, [
    alphaId,
    uniqueName('site-match'),
  ]);
  betaAvatar = await idOf(`insert into avatar_intelligence (site_id, name) values ($1, $2) returning id`, [
    betaId,
    uniqueName('beta-avatar'),
  ]);
  betaFragment = await idOf(
    `insert into content_fragments (site_id, fragment_type, body) values ($1, 'intro', $2) returning id`,
    [betaId, uniqueName('beta fragment')],
  );
});

/** Status and body of an editor's write, with the id it referenced blanked so two answers compare. */
async function editorWrite(method: string, path: string, body: unknown, referenced: string) {
  const answer = await asUser(stack, editor.token, method, path, body);
  return { status: answer.status, body: JSON.stringify(answer.body).replaceAll(referenced, '<id>') };
}

describe('references to another tenant through Directus', () => {
  it("answers an editor's headline with another site's avatar exactly like one with an unknown avatar", async () => {
    const headline = (avatarId: string) => ({
      campaign_id: campaignId,
      text: 'Headline',
      spintax_index: 0,
      variant_key: randomUUID(),
      avatar_id: avatarId,
    });
    const unknown = randomUUID();
    const crossTenant = await editorWrite(
      'POST',
      '/items/headline_inventory',
      headline(betaAvatar),
      betaAvatar,
    );
    expect(crossTenant.status).toBe(400);
    expect(crossTenant).toEqual(
      await editorWrite('POST', '/items/headline_inventory', headline(unknown), unknown),
    );
    const written = await db.query('select 1 from headline_inventory where campaign_id = $1', [campaignId]);
    expect(written.rowCount).toBe(0);
  });

  it("answers another site's avatar or fragment in an array column exactly like an unknown id", async () => {
    const unknown = randomUUID();
    const avatars = (id: string) =>
      editorWrite('PATCH', `/items/campaign_masters/${campaignId}`, { avatar_ids: [id] }, id);
    const crossTenant = await avatars(betaAvatar);
    expect(crossTenant.status).toBe(400);
    expect(crossTenant).toEqual(await avatars(unknown));

    const article = (id: string) =>
      editorWrite(
        'POST',
        '/items/generated_articles',
        {
          title: 'T',
          slug: uniqueName('a').replace(/_/g, '-'),
          generation_key: randomUUID(),
          fragment_ids: [id],
        },
        id,
      );
    const foreignFragment = await article(betaFragment);
    expect(foreignFragment.status).toBe(400);
    expect(foreignFragment.body.replace(/"slug[^,]*,?/, '')).toEqual(
      (await article(unknown)).body.replace(/"slug[^,]*,?/, ''),
    );
    const stored = await db.query<{ avatar_ids: string[] }>(
      'select avatar_ids from campaign_masters where id = $1',
      [campaignId],
    );
    expect(stored.rows[0]?.avatar_ids).toEqual([]);
  });
});
