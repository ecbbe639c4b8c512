import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, testStack } from '../testing/stack.js';
import { admin, as, type Caller, isolationCallers } from './callers.js';

/**
 * Directus's utility and system endpoints, used by the alpha editor against beta: nothing of beta's may be
 * changed or read through them.
 */
const stack = testStack();
const pool = openDatabase(stack);
afterAll(() => pool.end());

let callers: Caller[] = [];
const ids = { alpha: '', beta: '' };

beforeAll(async () => {
  callers = await isolationCallers(stack);
  const sites = await pool.query<{ id: string; domain: string }>('select id, domain from sites');
  ids.alpha = sites.rows.find((s) => s.domain === 'alpha.localhost')?.id ?? '';
  ids.beta = sites.rows.find((s) => s.domain === 'beta.localhost')?.id ?? '';
});

async function navigationOrder(site: string): Promise<string> {
  const { rows } = await pool.query('select id, sort from navigation where site_id = $1 order by id', [site]);
  return JSON.stringify(rows);
}

describe('/utils/sort', () => {
  it('is refused (403) to editors and anonymous callers, and beta’s navigation keeps its order', async () => {
    const { rows } = await pool.query<{ id: string }>(
      'select id from navigation where site_id = $1 order by sort limit 2',
      [ids.beta],
    );
    expect(rows.length).toBe(2);
    const before = await navigationOrder(ids.beta);
    const alphaBefore = await navigationOrder(ids.alpha);
    for (const caller of callers) {
      const answer = await as(stack, caller, 'POST', '/utils/sort/navigation', {
        item: rows[1]?.id,
        to: rows[0]?.id,
      });
      expect(answer.status, caller.name).toBe(403);
    }
    expect(await navigationOrder(ids.beta)).toBe(before);
    expect(await navigationOrder(ids.alpha)).toBe(alphaBefore);
  });
});

async function betaNavigation(): Promise<{ id: string; label: string; url: string }> {
  const { rows } = await pool.query<{ id: string; label: string; url: string }>(
    'select id, label, url from navigation where site_id = $1 order by id limit 1',
    [ids.beta],
  );
  if (!rows[0]) throw new Error('beta has no navigation');
  return rows[0];
}

describe('/utils/import and /utils/revert', () => {
  const importAs = (caller: Caller, rows: Record<string, unknown>[]) => {
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(rows)], { type: 'application/json' }), 'navigation.json');
    return fetch(new URL('/utils/import/navigation', stack.DIRECTUS_INTERNAL_URL), {
      method: 'POST',
      headers: caller.headers,
      body: form,
    });
  };

  it('an editor imports its own rows, but an import that names a beta row cannot change it', async () => {
    const target = await betaNavigation();
    const editors = callers.filter((c) => c.name.startsWith('alpha editor'));
    for (const editor of editors) {
      const label = `Imported ${editor.name} ${Date.now()}`;
      const own = await importAs(editor, [{ label, url: '/imported' }]);
      expect(own.status, `${editor.name}: ${await own.text()}`).toBeLessThan(300);
      const imported = await pool.query(
        'delete from navigation where label = $1 and site_id = $2 returning id',
        [label, ids.alpha],
      );
      expect(imported.rowCount).toBe(1);
      const taken = await importAs(editor, [{ id: target.id, label: 'Taken by alpha', url: '/taken' }]);
      expect(taken.status, `${editor.name}: ${await taken.text()}`).toBeGreaterThanOrEqual(400);
      expect(taken.status).toBeLessThan(500);
    }
    expect(await betaNavigation()).toEqual(target);
  });

  it('an editor cannot revert a beta row to an earlier revision', async () => {
    const target = await betaNavigation();
    const changed = await admin(stack, 'PATCH', `/items/navigation/${target.id}`, { url: '/revision-probe' });
    expect(changed.status).toBe(200);
    const restored = await admin(stack, 'PATCH', `/items/navigation/${target.id}`, { url: target.url });
    expect(restored.status).toBe(200);
    const { rows } = await pool.query<{ id: number }>(
      `select id from directus_revisions where collection = 'navigation' and item = $1 order by id desc limit 2`,
      [target.id],
    );
    const older = rows[1]?.id;
    expect(older).toBeDefined();
    for (const caller of callers) {
      const answer = await as(stack, caller, 'POST', `/utils/revert/${older}`);
      expect(answer.status, caller.name).toBe(403);
    }
    expect(await betaNavigation()).toEqual(target);
  });
});

describe('system endpoints', () => {
  it('show an editor no revisions, versions or files, and only itself among the users', async () => {
    const editors = callers.filter((c) => c.name.startsWith('alpha editor'));
    for (const editor of editors) {
      for (const path of [
        '/revisions?limit=5',
        '/versions?limit=5',
        '/files?limit=5',
        '/items/leads?export=json&fields=site_id&limit=-1',
      ]) {
        const answer = await as(stack, editor, 'GET', path);
        if (answer.status === 200)
          expect(JSON.stringify(answer.body), `${editor.name} ${path}`).not.toContain(ids.beta);
        else expect(answer.status, `${editor.name} ${path}`).toBe(403);
      }
      const users = await as<{ data: { email: string }[] }>(
        stack,
        editor,
        'GET',
        '/users?fields=email&limit=-1',
      );
      expect(users.status).toBe(200);
      expect(users.body.data.map((u) => u.email)).toEqual(['editor+alpha@example.com']);
      const presets = await as<{ data: { user: string | null; role: string | null }[] }>(
        stack,
        editor,
        'GET',
        '/presets?limit=-1&fields=user,role',
      );
      expect(presets.status).toBe(200);
      // Own presets, the own role's, and global ones (no user, no role): never another user's or role's.
      expect(new Set(presets.body.data.map((p) => p.user ?? 'none')).size).toBeLessThanOrEqual(2);
      expect(new Set(presets.body.data.map((p) => p.role ?? 'none')).size).toBeLessThanOrEqual(2);
      for (const path of [
        '/activity?limit=-1&fields=user',
        '/comments?limit=-1&fields=user_created',
        '/shares?limit=-1&fields=user_created',
      ]) {
        const answer = await as<{ data?: Record<string, unknown>[] }>(stack, editor, 'GET', path);
        const owners = new Set((answer.body.data ?? []).map((row) => Object.values(row)[0]));
        expect(owners.size, `${editor.name} ${path}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('give anonymous callers no content, users, revisions or files', async () => {
    const anonymous = callers.find((c) => c.name === 'anonymous');
    if (!anonymous) throw new Error('no anonymous caller');
    for (const path of [
      '/items/sites',
      '/items/posts',
      '/items/pages',
      '/users',
      '/revisions',
      '/files',
      '/activity',
    ]) {
      const answer = await as(stack, anonymous, 'GET', path);
      expect(answer.status, path).toBe(403);
    }
  });
});
