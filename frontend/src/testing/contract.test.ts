import { describe, expect, it } from 'vitest';
import { contractViolation } from './contract.js';

const job = {
  id: '5f0c7c1e-8a8c-4b1e-9a51-0f5a1a1b2c3d',
  site_id: '5f0c7c1e-8a8c-4b1e-9a51-0f5a1a1b2c3e',
  campaign_id: null,
  type: 'generate_articles',
  status: 'running',
  params: {},
  total: 10,
  processed: 3,
  failed: 0,
  progress: 0.3,
  error: null,
  started_at: '2026-01-01T00:00:00.000Z',
  finished_at: null,
  date_created: '2026-01-01T00:00:00.000Z',
  date_updated: null,
};
const JSON_TYPE = 'application/json; charset=utf-8';

describe('contractViolation', () => {
  it('accepts an answer its response schema accepts', () => {
    expect(contractViolation('GET', `/api/seo/jobs/${job.id}`, 200, JSON_TYPE, job)).toBeNull();
  });

  it('names the route and the field when the body breaks the schema', () => {
    const message = contractViolation('GET', `/api/seo/jobs/${job.id}`, 200, JSON_TYPE, {
      ...job,
      total: '10',
    });
    expect(message).toContain('GET /api/seo/jobs/{id}');
    expect(message).toContain('total');
  });

  it('refuses a success status the route does not list', () => {
    expect(contractViolation('GET', `/api/seo/jobs/${job.id}`, 201, JSON_TYPE, job)).toContain('201');
  });

  it('holds errors to the envelope and media routes to their type', () => {
    const envelope = { error: { code: 'NOT_FOUND', message: 'No such job' } };
    expect(contractViolation('GET', `/api/seo/jobs/${job.id}`, 404, JSON_TYPE, envelope)).toBeNull();
    expect(contractViolation('GET', `/api/seo/jobs/${job.id}`, 404, JSON_TYPE, { message: 'x' })).toContain(
      'envelope',
    );
    expect(
      contractViolation('GET', '/api/admin/leads.csv', 200, 'text/csv; charset=utf-8', 'a,b'),
    ).toBeNull();
    expect(contractViolation('GET', '/api/admin/leads.csv', 200, JSON_TYPE, {})).toContain('text/csv');
  });

  it('leaves paths outside the table alone', () => {
    expect(contractViolation('GET', '/some-page', 200, 'text/html', '<html>')).toBeNull();
  });
});
