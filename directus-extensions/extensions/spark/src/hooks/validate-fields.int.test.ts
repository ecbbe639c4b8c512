import { afterAll, describe, expect, it } from 'vitest';
import { asUser, editorOf, openDatabase, testStack } from '../testing/stack.js';

const stack = testStack();
const pool = openDatabase(stack);
afterAll(() => pool.end());

async function alphaGlobals(): Promise<{ id: string; colors: Record<string, string> }> {
  const { rows } = await pool.query<{ id: string; colors: Record<string, string> }>(
    `select g.id, g.colors from globals g join sites s on s.id = g.site_id where s.domain = 'alpha.localhost'`,
  );
  const row = rows[0];
  if (!row) throw new Error('the alpha demo site has no globals row');
  return row;
}

describe('theme fields edited through Directus', () => {
  const editor = editorOf(stack, 'alpha.localhost');

  it('refuses a colour that is not hex with a 400 naming the field, and keeps the stored colours', async () => {
    const before = await alphaGlobals();
    const answer = await asUser(stack, editor.token, 'PATCH', `/items/globals/${before.id}`, {
      colors: { ...before.colors, accent: 'url(javascript:alert(1))' },
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('colors.accent');
    expect((await alphaGlobals()).colors).toEqual(before.colors);
  });

  it('refuses the same colour through GraphQL', async () => {
    const before = await alphaGlobals();
    const answer = await asUser(stack, editor.token, 'POST', '/graphql', {
      query: `mutation { update_globals_item(id: "${before.id}", data: { colors: { primary: "blue" } }) { id } }`,
    });
    expect(answer.text).toContain('colors.primary');
    expect((await alphaGlobals()).colors).toEqual(before.colors);
  });

  it('saves a valid colour change', async () => {
    const before = await alphaGlobals();
    const answer = await asUser(stack, editor.token, 'PATCH', `/items/globals/${before.id}`, {
      colors: { ...before.colors, accent: '#abcdef' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect((await alphaGlobals()).colors.accent).toBe('#abcdef');
    await asUser(stack, editor.token, 'PATCH', `/items/globals/${before.id}`, { colors: before.colors });
  });
});
