import { randomUUID } from 'node:crypto';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';
import { createCampaign, type TenantLibrary, tenantLibrary } from './testing/factory-api.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });

let alpha: TenantLibrary;
let beta: TenantLibrary;
let betaCampaignId = '';
beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
  beta = await tenantLibrary(pool, 'beta.localhost');
  betaCampaignId = (await createCampaign(beta, { headline_spintax_root: '{Niche} in {City}' })).id;
});
afterAll(async () => {
  await pool.query('delete from campaign_masters where id = $1', [betaCampaignId]);
  await pool.end();
});

const count = async (sql: string, params: unknown[]) =>
  Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

interface Issue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}
type Rejection = { error: { code: string; message: string; details?: { issues: Issue[] } } };

describe('campaigns API', () => {
  it('names the city at a radius campaign’s centre when it is read again, and no city for an open point', async () => {
    const dallas = (
      await pool.query<{ lat: number; lng: number }>(
        `select ST_Y(c.geom) as lat, ST_X(c.geom) as lng from geo_cities c join geo_states s on s.id = c.state_id
         where c.name = 'Dallas' and s.code = 'TX'`,
      )
    ).rows[0];
    if (!dallas) throw new Error('the demo geography has no Dallas, TX');
    const { id } = await createCampaign(alpha, { location: { center: dallas, radius_km: 100 } });
    const { id: open } = await createCampaign(alpha, {
      location: { center: { lat: 30, lng: -140 }, radius_km: 100 },
    });
    try {
      const read = await callApi<{ data: { center_city: string | null } }>(`/api/campaigns/${id}`, {
        token: editorToken('alpha.localhost'),
      });
      expect(read.body.data.center_city).toBe('Dallas, TX');
      const elsewhere = await callApi<{ data: { center_city: string | null } }>(`/api/campaigns/${open}`, {
        token: editorToken('alpha.localhost'),
      });
      expect(elsewhere.body.data.center_city).toBeNull();
    } finally {
      await pool.query('delete from campaign_masters where id = any($1::uuid[])', [[id, open]]);
    }
  });

  it('creates, reads, lists, patches and deletes a campaign, logging each action', async () => {
    const { id } = await createCampaign(alpha, {}, editorToken('alpha.localhost'));
    const read = await callApi<{ data: { stats: unknown; location: unknown } }>(`/api/campaigns/${id}`, {
      token: adminToken(),
    });
    expect(read.status).toBe(200);
    expect(read.body.data.location).toMatchObject({ center: { lat: 33, lng: -96 }, radius_km: 1800 });
    const list = await callApi<{ data: { id: string }[] }>(
      `/api/campaigns?site_id=${alpha.siteId}&limit=200`,
      {
        token: editorToken('alpha.localhost'),
      },
    );
    expect(list.body.data.map((c) => c.id)).toContain(id);
    const patched = await callApi<{ data: { status: string; target_word_count: number } }>(
      `/api/campaigns/${id}`,
      {
        method: 'PATCH',
        token: adminToken(),
        json: { status: 'active', target_word_count: 900 },
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ status: 'active', target_word_count: 900 });
    const deleted = await callApi(`/api/campaigns/${id}`, { method: 'DELETE', token: adminToken() });
    expect(deleted.status).toBe(200);
    expect(await count('select count(*) as n from campaign_masters where id = $1', [id])).toBe(0);
    const logged = await pool.query<{ action: string }>(
      'select action from work_log where entity_id = $1 order by "timestamp"',
      [id],
    );
    expect(logged.rows.map((r) => r.action)).toEqual([
      'campaign.create',
      'campaign.update',
      'campaign.delete',
    ]);
  });

  it('rejects unbalanced spintax with the line and column of the open brace, writing nothing', async () => {
    const before = await count('select count(*) as n from campaign_masters', []);
    const answer = await callApi<Rejection>('/api/campaigns', {
      method: 'POST',
      token: adminToken(),
      json: {
        site_id: alpha.siteId,
        name: 'Unbalanced',
        headline_spintax_root: 'Roofing in {City}\nBest {Roofers|Roofing Crews in {City}',
      },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toContain("Unclosed '{'");
    expect(answer.body.error.details?.issues[0]).toMatchObject({ line: 2, column: 6 });
    expect(await count('select count(*) as n from campaign_masters', [])).toBe(before);
  });

  it('rejects unknown variables with their position, and accepts them once declared as niche variables', async () => {
    const root = '{Best|Top} {Service_Type} in {City}';
    const answer = await callApi<Rejection>('/api/campaigns', {
      method: 'POST',
      token: adminToken(),
      json: { site_id: alpha.siteId, name: 'Unknown variable', headline_spintax_root: root },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toContain('Unknown variable {Service_Type} (line 1, column 12)');
    const declared = await createCampaign(alpha, {
      headline_spintax_root: root,
      niche_variables: { Niche: 'Roofing', Service_Type: 'Roof repair' },
    });
    await callApi(`/api/campaigns/${declared.id}`, { method: 'DELETE', token: adminToken() });
  });

  it("hides another site's campaign from a site editor: 404 for read, patch and delete, nothing changed", async () => {
    const alphaEditor = editorToken('alpha.localhost');
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await callApi(`/api/campaigns/${betaCampaignId}`, {
        method,
        token: alphaEditor,
        ...(method === 'PATCH' ? { json: { name: 'Taken over' } } : {}),
      });
      expect(answer.status, method).toBe(404);
      expect(isErrorEnvelope(answer.body)).toBe(true);
    }
    const list = await callApi<{ data: { id: string }[] }>('/api/campaigns?limit=200', {
      token: alphaEditor,
    });
    expect(list.body.data.map((c) => c.id)).not.toContain(betaCampaignId);
    expect(
      await count('select count(*) as n from campaign_masters where id = $1 and name like $2', [
        betaCampaignId,
        'Factory test%',
      ]),
    ).toBe(1);
  });

  it("refuses a site editor creating a campaign on another site, or using another site's template", async () => {
    const onBeta = await callApi('/api/campaigns', {
      method: 'POST',
      token: editorToken('alpha.localhost'),
      json: { site_id: beta.siteId, name: 'Cross-site', headline_spintax_root: '{Niche} in {City}' },
    });
    expect(onBeta.status).toBe(404);
    const foreignTemplate = await callApi<Rejection>('/api/campaigns', {
      method: 'POST',
      token: adminToken(),
      json: {
        site_id: alpha.siteId,
        name: 'Foreign template',
        headline_spintax_root: 'Roofing',
        template_id: beta.templateId,
      },
    });
    expect(foreignTemplate.status).toBe(422);
    expect(foreignTemplate.body.error.details?.issues[0]?.path).toBe('template_id');
    expect(
      await count('select count(*) as n from campaign_masters where name in ($1, $2)', [
        'Cross-site',
        'Foreign template',
      ]),
    ).toBe(0);
  });

  it("answers another site's avatar exactly like an avatar that does not exist", async () => {
    const attempt = async (avatarId: string) => {
      const answer = await callApi<Rejection>('/api/campaigns', {
        method: 'POST',
        token: editorToken('alpha.localhost'),
        json: {
          name: `Foreign avatar ${avatarId}`,
          headline_spintax_root: 'Roofing',
          avatar_ids: [avatarId],
        },
      });
      return { status: answer.status, body: JSON.stringify(answer.body).replaceAll(avatarId, '<id>') };
    };
    const foreign = beta.avatarIds[0] ?? '';
    const crossTenant = await attempt(foreign);
    expect(crossTenant.status).toBe(422);
    expect(crossTenant).toEqual(await attempt(randomUUID()));
    expect(
      await count('select count(*) as n from campaign_masters where name like $1', ['Foreign avatar %']),
    ).toBe(0);
  });
});
