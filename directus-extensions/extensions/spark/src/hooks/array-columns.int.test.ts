import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack } from '../testing/stack.js';

const stack = testStack();
const pool = new pg.Pool({ connectionString: stack.DATABASE_URL, max: 2 });
afterAll(() => pool.end());

async function directus(method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, stack.DIRECTUS_INTERNAL_URL), {
    method,
    headers: { authorization: `Bearer ${stack.DIRECTUS_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as { data?: unknown } | null,
  };
}

describe('array columns edited through Directus REST', () => {
  it('saves a list into a text[] column and reads it back as a list', async () => {
    const domain = `arrays-${Date.now()}.example`;
    const created = await directus('POST', '/items/sites', {
      name: 'Arrays Co',
      domain,
      domain_aliases: ['one.example'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = (created.body?.data as { id: string } | undefined)?.id ?? '';
    const updated = await directus('PATCH', `/items/sites/${id}`, {
      domain_aliases: ['two.example', 'three.example'],
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const stored = await pool.query<{ domain_aliases: string[] }>(
      'select domain_aliases from sites where id = $1',
      [id],
    );
    expect(stored.rows[0]?.domain_aliases).toEqual(['two.example', 'three.example']);
    const read = await directus('GET', `/items/sites/${id}?fields=domain_aliases`);
    expect((read.body?.data as { domain_aliases: string[] } | undefined)?.domain_aliases).toEqual([
      'two.example',
      'three.example',
    ]);
    await pool.query('delete from sites where id = $1', [id]);
  });

  it('still rejects an invalid host in the list with a 4xx, writing nothing', async () => {
    const domain = `arrays-bad-${Date.now()}.example`;
    const answer = await directus('POST', '/items/sites', {
      name: 'Bad',
      domain,
      domain_aliases: ['not a host'],
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect((await pool.query('select 1 from sites where domain = $1', [domain])).rowCount).toBe(0);
  });
});

describe('database rules broken through Directus REST', () => {
  it('answers a status outside the check constraint with 400, not 500, and writes nothing', async () => {
    const { rows } = await pool.query<{ id: string; status: string }>('select id, status from pages limit 1');
    const page = rows[0];
    if (!page) throw new Error('no demo page');
    const answer = await directus('PATCH', `/items/pages/${page.id}`, { status: 'bogus' });
    expect(answer.status).toBe(400);
    const after = await pool.query<{ status: string }>('select status from pages where id = $1', [page.id]);
    expect(after.rows[0]?.status).toBe(page.status);
  });
});
