import { createHash } from 'node:crypto';
import { createPool } from '@spark/db';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/admin-session.js';
import { callApi, isErrorEnvelope, testEditor } from '../../../testing/http.js';
import { type TenantLibrary, THREE_PATTERNS, tenantLibrary } from '../factory/testing/factory-api.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const redis = new Redis(process.env.REDIS_URL ?? '');
let alpha: TenantLibrary;
const created: string[] = [];

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
});
afterAll(async () => {
  await pool.query('delete from campaign_masters where id = any($1::uuid[])', [created]);
  await pool.end();
  redis.disconnect();
});

const sessionKey = (id: string) => `spark:admin-session:${createHash('sha256').update(id).digest('hex')}`;
const stored = async (id: string) =>
  JSON.parse((await redis.get(sessionKey(id))) ?? 'null') as {
    refreshToken: string;
    expiresAt: number;
  } | null;
const directusSessionExists = async (refreshToken: string) =>
  ((await pool.query('select 1 from directus_sessions where token = $1', [refreshToken])).rowCount ?? 0) > 0;

const campaignBody = (name: string) => ({
  site_id: alpha.siteId,
  name,
  headline_spintax_root: THREE_PATTERNS,
  niche_variables: { Niche: 'Roofing' },
});

describe('admin session (cookie sign-in)', () => {
  it('signs in with the Directus account into an httpOnly cookie and never hands out a token', async () => {
    const session = await signInAs('alpha.localhost');
    const setCookie = session.answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/spark_session=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly/);
    expect(setCookie).toMatch(/spark_csrf=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+(,|$)/);
    const body = JSON.stringify(session.answer.body);
    expect(body).not.toMatch(/access_token|refresh_token/);
    const me = await session.call<{ data: { user: { email: string }; sites: { domain: string }[] } }>(
      '/api/admin/session',
    );
    expect(me.status).toBe(200);
    expect(me.body.data.user.email).toBe(testEditor('alpha.localhost').email);
    expect(me.body.data.sites.map((site) => site.domain)).toEqual(['alpha.localhost']);
  });

  it('counts wrong passwords against the visitor who typed them, so they never lock other marketers out', async () => {
    const { email, password } = testEditor('beta.localhost');
    // Ten misses from one visitor: more than Directus allows one client address (and one client on one account)
    // in its login window, so the later ones are throttled. They must be throttled for this visitor only.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const miss = await callApi('/api/admin/session', {
        method: 'POST',
        json: { email, password: `wrong-${attempt}` },
        localAddress: '127.0.0.30',
      });
      expect([401, 429]).toContain(miss.status);
    }
    const owner = await callApi('/api/admin/session', {
      method: 'POST',
      json: { email, password },
      localAddress: '127.0.0.31',
    });
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
  }, 30_000);

  it('answers a wrong password with 401 in the envelope and sets no cookie', async () => {
    const answer = await callApi('/api/admin/session', {
      method: 'POST',
      json: { email: testEditor('alpha.localhost').email, password: 'not-the-password' },
    });
    expect(answer.status).toBe(401);
    expect(isErrorEnvelope(answer.body)).toBe(true);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('refuses cookie writes without the CSRF token or from another origin, and writes nothing', async () => {
    const session = await signInAs('alpha.localhost');
    const name = `CSRF probe ${Date.now()}`;
    const noToken = await session.call('/api/campaigns', {
      method: 'POST',
      csrf: null,
      json: campaignBody(name),
    });
    expect(noToken.status).toBe(403);
    const wrongToken = await session.call('/api/campaigns', {
      method: 'POST',
      csrf: 'x'.repeat(43),
      json: campaignBody(name),
    });
    expect(wrongToken.status).toBe(403);
    const foreign = await session.call('/api/campaigns', {
      method: 'POST',
      origin: 'http://evil.localhost:9',
      json: campaignBody(name),
    });
    expect(foreign.status).toBe(403);
    expect(isErrorEnvelope(foreign.body)).toBe(true);
    const count = await pool.query('select 1 from campaign_masters where name = $1', [name]);
    expect(count.rowCount).toBe(0);
    const allowed = await session.call<{ data: { id: string } }>('/api/campaigns', {
      method: 'POST',
      json: campaignBody(name),
    });
    expect(allowed.status).toBe(201);
    created.push(allowed.body.data.id);
  });

  it('scopes a cookie session to the user’s sites exactly like their token', async () => {
    const alphaSession = await signInAs('alpha.localhost');
    const made = await alphaSession.call<{ data: { id: string } }>('/api/campaigns', {
      method: 'POST',
      json: campaignBody(`Scope probe ${Date.now()}`),
    });
    created.push(made.body.data.id);
    const beta = await signInAs('beta.localhost');
    expect((await beta.call(`/api/campaigns/${made.body.data.id}`)).status).toBe(404);
    const list = await beta.call<{ data: { id: string }[] }>('/api/campaigns?limit=200');
    expect(list.body.data.map((c) => c.id)).not.toContain(made.body.data.id);
    const spoofed = await beta.call(`/api/campaigns?site_id=${alpha.siteId}`);
    expect(spoofed.status).toBe(404);
  });

  it('refreshes the Directus tokens shortly before they expire, revoking the old refresh token', async () => {
    const session = await signInAs('alpha.localhost');
    const before = await stored(session.sessionId);
    if (!before) throw new Error('no stored session');
    await redis.set(
      sessionKey(session.sessionId),
      JSON.stringify({ ...before, expiresAt: Date.now() + 5000 }),
    );
    const me = await session.call('/api/admin/session');
    expect(me.status).toBe(200);
    const after = await stored(session.sessionId);
    expect(after?.refreshToken).not.toBe(before.refreshToken);
    expect(after?.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(await directusSessionExists(before.refreshToken)).toBe(false);
    expect(await directusSessionExists(after?.refreshToken ?? '')).toBe(true);
  });

  it('signs out only with the CSRF token, revokes the Directus session, and the old cookie stops working', async () => {
    const session = await signInAs('alpha.localhost');
    const tokens = await stored(session.sessionId);
    expect(await directusSessionExists(tokens?.refreshToken ?? '')).toBe(true);
    expect((await session.call('/api/admin/session', { method: 'DELETE', csrf: null })).status).toBe(403);
    expect((await session.call('/api/admin/session')).status).toBe(200);
    const out = await session.call('/api/admin/session', { method: 'DELETE' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/spark_session=; Path=\/; SameSite=Lax; Max-Age=0/);
    expect(await directusSessionExists(tokens?.refreshToken ?? '')).toBe(false);
    const after = await session.call('/api/admin/session');
    expect(after.status).toBe(401);
    expect(isErrorEnvelope(after.body)).toBe(true);
    expect((await session.call('/api/campaigns')).status).toBe(401);
  });
});
