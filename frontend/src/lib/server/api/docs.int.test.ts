import { apiRoutes } from '@spark/contracts/api';
import { describe, expect, it } from 'vitest';
import { callApi, frontendUrl, sendRaw } from '../../../testing/http.js';

/** The API reference is served on the platform host only. */
const platformHost = () => process.env.PUBLIC_PLATFORM_HOST ?? 'localhost';

describe('GET /api/docs/openapi.json', () => {
  it('serves the OpenAPI 3.1 document with every route of the table', async () => {
    const answer = await callApi<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/docs/openapi.json',
      { host: platformHost() },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    for (const [key, spec] of apiRoutes()) {
      expect(answer.body.paths[spec.path]?.[spec.method.toLowerCase()], key).toBeDefined();
    }
  });
});

describe('GET /api/docs', () => {
  it('serves a script-free reference page under a CSP that allows no script', async () => {
    const answer = await sendRaw(new URL('/api/docs', frontendUrl()), { headers: { host: platformHost() } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    const page = answer.body.toString('utf8');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<code>/api/seo/jobs/{id}/cancel</code>');
    expect(page).toContain('href="/api/docs/openapi.json"');
  });

  it('is not served on a tenant host', async () => {
    const answer = await callApi('/api/docs', { host: 'alpha.localhost' });
    expect(answer.status).toBe(404);
  });
});
