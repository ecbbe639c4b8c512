import { createPool } from '@spark/db';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi } from '../../../testing/http.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
afterAll(() => pool.end());

const page = (host: string, path = '/') => callApi<string>(path, { host, headers: { accept: 'text/html' } });

describe('Host → site resolution', () => {
  it('serves each tenant its own site and an unknown host a 404 without tenant content', async () => {
    const alpha = await page('alpha.localhost');
    const beta = await page('beta.localhost');
    expect(alpha.status).toBe(200);
    expect(alpha.body).toContain('Alpha Roofing');
    expect(alpha.body).not.toContain('Beta Family Dental');
    expect(beta.status).toBe(200);
    expect(beta.body).toContain('Beta Family Dental');
    const unknown = await page('nobody.example');
    expect(unknown.status).toBe(404);
    expect(unknown.body).not.toMatch(/Alpha Roofing|Beta Family Dental/);
  });

  it('ignores the port and a leading www., and honours domain aliases', async () => {
    for (const host of [
      'www.alpha.localhost',
      'alpha.localhost:4321',
      'WWW.ALPHA.LOCALHOST:80',
      'alpharoofing.localhost',
    ]) {
      const answer = await page(host);
      expect(answer.status, host).toBe(200);
      expect(answer.body, host).toContain('Alpha Roofing');
    }
  });

  it('does not serve an archived site', async () => {
    const domain = `archived-${Date.now()}.example`;
    await pool.query(`insert into sites (name, domain, status) values ('Archived Co', $1, 'archived')`, [
      domain,
    ]);
    const answer = await page(domain);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('Archived Co');
    await pool.query('delete from sites where domain = $1', [domain]);
  });

  it('serves the platform home, not a tenant, on PUBLIC_PLATFORM_HOST', async () => {
    const answer = await page(process.env.PUBLIC_PLATFORM_HOST ?? 'localhost');
    expect(answer.status).toBe(200);
    expect(answer.body).not.toMatch(/Alpha Roofing|Beta Family Dental/);
  });
});
