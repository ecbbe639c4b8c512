import { API_ROUTES, apiRoutes, matchApiRoute } from '@spark/contracts/api';
import { describe, expect, it } from 'vitest';
import { routeFileExports } from '../../../testing/api-files.js';

describe('the route table (API_ROUTES) and the files under pages/api', () => {
  const files = routeFileExports();

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(25);
  });

  it('lists every method a route file exports', () => {
    const missing = files
      .filter(
        ({ method, pattern }) =>
          !apiRoutes().some(([, spec]) => spec.method === method && pattern.test(spec.path)),
      )
      .map(({ file, method }) => `${method} pages/api/${file}`);
    expect(missing, 'add these routes to API_ROUTES in packages/contracts/src/api/routes.ts').toEqual([]);
  });

  it('lists no route that no file serves', () => {
    const orphans = apiRoutes()
      .filter(
        ([, spec]) => !files.some(({ method, pattern }) => method === spec.method && pattern.test(spec.path)),
      )
      .map(([key]) => key);
    expect(orphans).toEqual([]);
  });

  it('keys every entry by its own method and path, with a summary and a success answer', () => {
    for (const [key, spec] of apiRoutes()) {
      expect(key).toBe(`${spec.method} ${spec.path}`);
      expect(spec.summary.length).toBeGreaterThan(10);
      expect(Object.keys(spec.responses).length).toBeGreaterThan(0);
      const pathParams = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(Object.keys(spec.params?.shape ?? {}).sort(), key).toEqual(pathParams.sort());
    }
  });

  it('matches a concrete request path to its entry', () => {
    expect(matchApiRoute('GET', '/api/campaigns/5f0c7c1e-8a8c-4b1e-9a51-0f5a1a1b2c3d')?.[0]).toBe(
      'GET /api/campaigns/{id}',
    );
    expect(matchApiRoute('POST', '/api/seo/jobs/abc/cancel')?.[1]).toBe(
      API_ROUTES['POST /api/seo/jobs/{id}/cancel'],
    );
    expect(matchApiRoute('GET', '/api/admin/leads_csv')).toBeUndefined();
    expect(matchApiRoute('PUT', '/api/campaigns')).toBeUndefined();
  });
});
