import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorOf, openDatabase, testStack } from '../testing/stack.js';
import { as, type Caller, graphql, isolationCallers } from './callers.js';

/** A NUL character in any text or JSON value is bad input (4xx / INVALID_PAYLOAD), never a 500, and writes nothing. */
const stack = testStack();
const pool = openDatabase(stack);
afterAll(() => pool.end());

const editor: Caller = {
  name: 'alpha editor',
  headers: { authorization: `Bearer ${editorOf(stack, 'alpha.localhost').token}` },
};
const marker = `nul-${Date.now()}`;

async function postsTitled(prefix: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'select count(*)::int as n from posts where title like $1',
    [`${prefix}%`],
  );
  return rows[0]?.n ?? -1;
}

let callers: Caller[] = [];
let alphaId = '';
beforeAll(async () => {
  callers = await isolationCallers(stack);
  const { rows } = await pool.query<{ id: string }>("select id from sites where domain = 'alpha.localhost'");
  alphaId = rows[0]?.id ?? '';
});

describe('NUL characters through the Directus door', () => {
  it('is a 4xx for the editor (static token and JWT) and anonymous callers alike, and writes nothing', async () => {
    for (const caller of callers) {
      const answer = await as(stack, caller, 'POST', '/items/leads', { email: `${marker}\u0000@x.example` });
      expect(answer.status, `${caller.name}: ${answer.text}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, caller.name).toBeLessThan(500);
      // Anonymous callers have no GraphQL mutations at all (Directus answers that as an internal error).
      if (caller.name === 'anonymous') continue;
      const mutation = await graphql(
        stack,
        caller,
        `mutation { create_leads_item(data: { site_id: "${alphaId}", consent: false, email: "${marker}\\u0000" }) { id } }`,
      );
      expect(JSON.stringify(mutation.body), caller.name).toContain('INVALID_PAYLOAD');
    }
    const { rows } = await pool.query('select 1 from leads where email like $1', [`${marker}%`]);
    expect(rows).toEqual([]);
  });

  it('REST create and update answer 400 INVALID_PAYLOAD for text and JSON fields', async () => {
    const create = await as<{ errors?: { extensions: { code: string } }[] }>(
      stack,
      editor,
      'POST',
      '/items/posts',
      {
        slug: `${marker}-a`,
        title: `${marker}\u0000`,
      },
    );
    expect(create.status, create.text).toBe(400);
    expect(create.body.errors?.[0]?.extensions.code).toBe('INVALID_PAYLOAD');
    const json = await as(stack, editor, 'POST', '/items/posts', {
      slug: `${marker}-b`,
      title: marker,
      tags: ['ok', 'bad\u0000'],
    });
    expect(json.status, json.text).toBe(400);
    expect(await postsTitled(marker)).toBe(0);
    const { rows } = await pool.query<{ id: string }>(
      "select id from posts where site_id = (select id from sites where domain = 'alpha.localhost') limit 1",
    );
    const update = await as(stack, editor, 'PATCH', `/items/posts/${rows[0]?.id}`, { excerpt: 'x\u0000y' });
    expect(update.status, update.text).toBe(400);
  });

  it('a NUL in a filter value is a 400, not a 500', async () => {
    const answer = await as(stack, editor, 'GET', '/items/posts?filter[title][_eq]=%00');
    expect(answer.status, answer.text).toBe(400);
  });

  it('GraphQL mutations report INVALID_PAYLOAD instead of an internal error', async () => {
    const { rows } = await pool.query<{ id: string }>(
      "select id from sites where domain = 'alpha.localhost'",
    );
    const answer = await graphql(
      stack,
      editor,
      `mutation { create_posts_item(data: { site_id: "${rows[0]?.id}", slug: "${marker}-g", html_content: "",
         title: "${marker}\\u0000" }) { id } }`,
    );
    const text = JSON.stringify(answer.body);
    expect(text).toContain('INVALID_PAYLOAD');
    expect(text).not.toContain('INTERNAL_SERVER_ERROR');
    expect(await postsTitled(marker)).toBe(0);
  });
});
