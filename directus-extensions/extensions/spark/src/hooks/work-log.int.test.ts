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

describe('the work log as a record nobody can rewrite', () => {
  it('refuses editors and administrators changing or deleting an entry through Directus', async () => {
    const { rows } = await db.query<{ id: string; action: string }>(
      'select id, action from work_log where site_id = $1 order by timestamp desc limit 1',
      [alphaId],
    );
    const entry = rows[0];
    if (!entry) throw new Error('no alpha work_log entry to attack');
    for (const token of [editor.token, stack.DIRECTUS_ADMIN_TOKEN]) {
      const patched = await asUser(stack, token, 'PATCH', `/items/work_log/${entry.id}`, {
        action: 'forged',
      });
      expect(patched.status, patched.text).toBeGreaterThanOrEqual(400);
      expect(patched.status, patched.text).toBeLessThan(500);
      const deleted = await asUser(stack, token, 'DELETE', `/items/work_log/${entry.id}`);
      expect(deleted.status, deleted.text).toBeGreaterThanOrEqual(400);
      expect(deleted.status, deleted.text).toBeLessThan(500);
    }
    const after = await db.query('select action from work_log where id = $1', [entry.id]);
    expect(after.rows).toEqual([{ action: entry.action }]);
  });

  it("keeps a deleted site's entries attributed to it, with nested secrets and lead details withheld", async () => {
    const admin = stack.DIRECTUS_ADMIN_TOKEN;
    const secret = `whsec-${uniqueName('s')}`;
    const domain = `${uniqueName('gone').replace(/_/g, '-')}.example`;
    const settings = (value: string) => ({
      lead_webhook: { url: 'https://hooks.example/in', secret: value },
    });
    const site = await asUser<{ id: string }>(stack, admin, 'POST', '/items/sites', {
      name: 'Soon gone',
      domain,
      settings: settings(`${secret}-1`),
    });
    expect(site.status, site.text).toBe(200);
    const siteId = site.body.data.id;
    const changed = await asUser(stack, admin, 'PATCH', `/items/sites/${siteId}`, {
      settings: settings(`${secret}-2`),
    });
    expect(changed.status, changed.text).toBe(200);
    const lead = await asUser<{ id: string }>(stack, admin, 'POST', '/items/leads', {
      site_id: siteId,
      email: 'pii-person@example.com',
      phone: '+1 555 0100',
      data: { note: 'private note' },
    });
    expect(lead.status, lead.text).toBe(200);
    const leadId = lead.body.data.id;
    expect((await asUser(stack, admin, 'DELETE', `/items/sites/${siteId}`)).status).toBe(204);

    const entries = async () =>
      (
        await db.query<{ site_id: string | null; entity_type: string; action: string; details: unknown }>(
          'select site_id, entity_type, action, details from work_log where entity_id = any($1) order by timestamp',
          [[siteId, leadId]],
        )
      ).rows;
    const rows = await eventually(entries, (found) => found.length >= 4);
    expect(rows.map((row) => [row.entity_type, row.action])).toEqual([
      ['sites', 'create'],
      ['sites', 'update'],
      ['leads', 'create'],
      ['sites', 'delete'],
    ]);
    expect(rows.every((row) => row.site_id === siteId)).toBe(true);
    const logged = JSON.stringify(rows);
    expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/pii-person|555 0100|private note/);
    expect(rows[2]?.details).toMatchObject({ changes: { email: { new: '[personal data]' } } });

    // Another site's editor sees none of it.
    const seen = await asUser<unknown[]>(
      stack,
      editor.token,
      'GET',
      `/items/work_log?filter[entity_id][_in]=${siteId},${leadId}&limit=-1`,
    );
    expect(seen.body.data ?? []).toEqual([]);
  });
});
