import { readFileSync } from 'node:fs';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

const blueprintFile = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../../database/blueprints/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

/** A new tenant derived from alpha's demo blueprint under another domain. */
function gammaBlueprint(domain: string): Record<string, unknown> {
  const alpha = blueprintFile('alpha.json');
  const site = alpha.site as Record<string, unknown>;
  return { ...alpha, site: { ...site, name: 'Gamma Builders', domain, domain_aliases: [] } };
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

let alphaId = '';
let betaId = '';
beforeAll(async () => {
  const { rows } = await pool.query<{ id: string; domain: string }>('select id, domain from sites');
  alphaId = rows.find((r) => r.domain === 'alpha.localhost')?.id ?? '';
  betaId = rows.find((r) => r.domain === 'beta.localhost')?.id ?? '';
});

describe('POST /api/admin/import-blueprint', () => {
  const path = '/api/admin/import-blueprint';

  it('reports what a dry run would create and writes nothing', async () => {
    const domain = `dry-${Date.now()}.example`;
    const before = await count('select count(*) as n from pages');
    const answer = await callApi<{ data: { dryRun: boolean; created: Record<string, number> } }>(path, {
      method: 'POST',
      token: adminToken(),
      json: { blueprint: gammaBlueprint(domain), dry_run: true },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.dryRun).toBe(true);
    expect(answer.body.data.created.sites).toBe(1);
    expect(answer.body.data.created.pages).toBeGreaterThan(0);
    expect(await count('select count(*) as n from sites where domain = $1', [domain])).toBe(0);
    expect(await count('select count(*) as n from pages')).toBe(before);
  });

  it('creates a new site for an admin, and a second import changes nothing', async () => {
    const domain = `gamma-${Date.now()}.example`;
    const first = await callApi<{ data: { siteId: string; created: Record<string, number> } }>(path, {
      method: 'POST',
      token: adminToken(),
      json: { blueprint: gammaBlueprint(domain) },
    });
    expect(first.status).toBe(200);
    expect(
      await count('select count(*) as n from pages where site_id = $1', [first.body.data.siteId]),
    ).toBeGreaterThan(0);
    const second = await callApi<{
      data: { created: Record<string, number>; updated: Record<string, number> };
    }>(path, {
      method: 'POST',
      token: adminToken(),
      json: { blueprint: gammaBlueprint(domain) },
    });
    expect(second.status).toBe(200);
    const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(total(second.body.data.created) + total(second.body.data.updated)).toBe(0);
  });

  it('lets a site editor re-import its own site but not another site, a new site or the library', async () => {
    const alpha = editorToken('alpha.localhost');
    const own = await callApi(path, {
      method: 'POST',
      token: alpha,
      json: { blueprint: blueprintFile('alpha.json'), dry_run: true },
    });
    expect(own.status).toBe(200);
    const betaPagesBefore = await count('select count(*) as n from pages where site_id = $1', [betaId]);
    for (const blueprint of [
      blueprintFile('beta.json'),
      blueprintFile('library.json'),
      gammaBlueprint('intruder.example'),
    ]) {
      const answer = await callApi(path, { method: 'POST', token: alpha, json: { blueprint } });
      expect(answer.status).toBe(403);
      expect(isErrorEnvelope(answer.body)).toBe(true);
    }
    expect(await count('select count(*) as n from pages where site_id = $1', [betaId])).toBe(betaPagesBefore);
    expect(await count("select count(*) as n from sites where domain = 'intruder.example'")).toBe(0);
  });

  it('rejects an invalid blueprint with the path of the problem and writes nothing', async () => {
    const broken = gammaBlueprint(`broken-${Date.now()}.example`);
    const globals = broken.globals as Record<string, unknown>;
    broken.globals = { ...globals, colors: { ...(globals.colors as object), primary: 'not-a-colour' } };
    const answer = await callApi<{ error: { code: string; details: { issues: { path: string }[] } } }>(path, {
      method: 'POST',
      token: adminToken(),
      json: { blueprint: broken },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.details.issues[0]?.path).toBe('globals.colors.primary');
    expect(await count("select count(*) as n from sites where domain like 'broken-%'")).toBe(0);
  });
});

describe('GET /api/admin/worklog', () => {
  it('pages through entries newest first with a cursor, without overlap', async () => {
    const first = await callApi<{ data: { id: string; timestamp: string }[]; next_cursor: string | null }>(
      '/api/admin/worklog?limit=2',
      { token: adminToken() },
    );
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.next_cursor).toBeTruthy();
    const second = await callApi<{ data: { id: string; timestamp: string }[] }>(
      `/api/admin/worklog?limit=2&cursor=${first.body.next_cursor}`,
      { token: adminToken() },
    );
    const firstIds = new Set(first.body.data.map((e) => e.id));
    expect(second.body.data.some((e) => firstIds.has(e.id))).toBe(false);
    const times = [...first.body.data, ...second.body.data].map((e) => Date.parse(e.timestamp));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by action and level', async () => {
    const answer = await callApi<{ data: { action: string; level: string }[] }>(
      '/api/admin/worklog?action=blueprint.import&level=info',
      { token: adminToken() },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data.length).toBeGreaterThan(0);
    expect(answer.body.data.every((e) => e.action === 'blueprint.import' && e.level === 'info')).toBe(true);
  });

  it('shows a site editor only its own site’s entries and hides the other site', async () => {
    await pool.query(
      `insert into work_log (site_id, action, entity_type, level) values ($1, 'test.beta', 'pages', 'info'),
       ($2, 'test.alpha', 'pages', 'info')`,
      [betaId, alphaId],
    );
    const alpha = editorToken('alpha.localhost');
    const mine = await callApi<{ data: { site_id: string }[] }>('/api/admin/worklog?limit=500', {
      token: alpha,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((e) => e.site_id === alphaId)).toBe(true);
    const theirs = await callApi(`/api/admin/worklog?site_id=${betaId}`, { token: alpha });
    expect(theirs.status).toBe(404);
  });
});

describe('admin authentication', () => {
  it('answers 401 without a token, with a wrong token, and for a token in the query string', async () => {
    const cases = [
      await callApi('/api/admin/worklog'),
      await callApi('/api/admin/worklog', { token: 'x'.repeat(40) }),
      await callApi(`/api/admin/worklog?access_token=${adminToken()}`),
      await callApi(`/api/admin/worklog?token=${adminToken()}`, { token: adminToken() }),
    ];
    for (const answer of cases) {
      expect(answer.status).toBe(401);
      expect(isErrorEnvelope(answer.body)).toBe(true);
    }
  });
});
