import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestSite, dropTestSite, post, type TestSite } from '../analytics/testing.js';

// The stack under test runs without TRUST_PROXY, like a frontend exposed directly: no peer is a proxy.
const lead = (i: number) => ({
  form: 'quote',
  fields: { full_name: `Visitor ${i}`, email: `v${i}@example.com`, service: 'Repair' },
  elapsed_ms: 8000,
  honeypot: '',
});

describe('client address without a trusted proxy', { timeout: 60_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  }, 40_000);
  afterAll(async () => dropTestSite(site));

  it('rate-limits /api/lead by socket address, whatever X-Forwarded-For each request claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await post(site.domain, '/api/lead', lead(i), {
        'x-forwarded-for': `198.51.100.${i + 1}`,
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
    expect(await countRows('leads', site.id)).toBe(20);
  });

  it('shares that budget with /api/forms/submit, also with fresh X-Forwarded-For and X-Real-IP values', async () => {
    const response = await post(site.domain, '/api/forms/submit', lead(99), {
      'x-forwarded-for': '203.0.113.77',
      'x-real-ip': '203.0.113.78',
      forwarded: 'for=203.0.113.79',
    });
    expect(response.status).toBe(429);
    expect(await countRows('leads', site.id)).toBe(20);
  });
});
