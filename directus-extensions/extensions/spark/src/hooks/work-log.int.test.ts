import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, editorOf, eventually, openDatabase, testStack, uniqueName } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const editor = editorOf(stack, 'alpha.localhost');
afterAll(() => db.end());

interface LogRow {
  action: string;
  entity_type: string;
  entity_id: string;
  user_id: string | null;
  site_id: string | null;
  level: string;
  details: { changes: Record<string, { old?: unknown; new?: unknown }> };
}

const logFor = (entityId: string) => async () =>
  (
    await db.query<LogRow>(
      `select action, entity_type, entity_id, user_id, site_id, level, details from work_log
       where entity_id = $1 order by timestamp, action`,
      [entityId],
    )
  ).rows;

let alphaId = '';
let adminId = '';
let editorId = '';
beforeAll(async () => {
  alphaId = (await db.query(`select id from sites where domain = 'alpha.localhost'`)).rows[0]?.id;
  adminId = (await asUser<{ id: string }>(stack, stack.DIRECTUS_ADMIN_TOKEN, 'GET', '/users/me')).body.data
    .id;
  editorId = (await asUser<{ id: string }>(stack, editor.token, 'GET', '/users/me')).body.data.id;
});

describe('the work-log hook', () => {
  it('records create, update and delete through Directus REST with user, site and a compact diff', async () => {
    const permalink = `/${uniqueName('wl').replace(/_/g, '-')}`;
    const created = await asUser<{ id: string }>(stack, stack.DIRECTUS_ADMIN_TOKEN, 'POST', '/items/pages', {
      site_id: alphaId,
      permalink,
      title: 'First title',
    });
    expect(created.status, created.text).toBe(200);
    const id = created.body.data.id;

    const longText = 'd'.repeat(900);
    const updated = await asUser(stack, stack.DIRECTUS_ADMIN_TOKEN, 'PATCH', `/items/pages/${id}`, {
      title: 'Second title',
      meta_description: longText,
      status: 'draft', // unchanged: must not appear in the diff
    });
    expect(updated.status, updated.text).toBe(200);

    const byEditor = await asUser(stack, editor.token, 'PATCH', `/items/pages/${id}`, {
      title: 'Editor title',
    });
    expect(byEditor.status, byEditor.text).toBe(200);
    const deleted = await asUser(stack, editor.token, 'DELETE', `/items/pages/${id}`);
    expect(deleted.status, deleted.text).toBe(204);

    const rows = await eventually(logFor(id), (found) => found.length >= 4);
    expect(rows.map((row) => [row.action, row.entity_type, row.user_id, row.site_id, row.level])).toEqual([
      ['create', 'pages', adminId, alphaId, 'info'],
      ['update', 'pages', adminId, alphaId, 'info'],
      ['update', 'pages', editorId, alphaId, 'info'],
      ['delete', 'pages', editorId, alphaId, 'info'],
    ]);
    const [create, firstUpdate, editorUpdate, remove] = rows;
    expect(create?.details.changes).toMatchObject({
      title: { new: 'First title' },
      permalink: { new: permalink },
    });
    expect(Object.keys(firstUpdate?.details.changes ?? {}).sort()).toEqual(['meta_description', 'title']);
    expect(firstUpdate?.details.changes.title).toEqual({ old: 'First title', new: 'Second title' });
    expect(String(firstUpdate?.details.changes.meta_description?.new)).toMatch(/^d{200}… \(900 chars\)$/);
    expect(editorUpdate?.details.changes).toEqual({ title: { old: 'Second title', new: 'Editor title' } });
    expect(remove?.details.changes).toMatchObject({
      title: { old: 'Editor title' },
      site_id: { old: alphaId },
    });
  });
});
