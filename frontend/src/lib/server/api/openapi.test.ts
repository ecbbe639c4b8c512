import { Validator } from '@seriousme/openapi-schema-validator';
import { apiRoutes } from '@spark/contracts/api';
import { describe, expect, it } from 'vitest';
import { routeFileExports } from '../../../testing/api-files.js';
import { referencePage } from './docs-page.js';
import { openApiDocument } from './openapi.js';

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
  security: unknown[];
};
const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has an operation for every method of every file under pages/api', () => {
    const missing = routeFileExports()
      .filter(({ method, pattern }) => !operations.some((o) => o.method === method && pattern.test(o.path)))
      .map(({ file, method }) => `${method} pages/api/${file}`);
    expect(missing).toEqual([]);
  });

  it('has exactly the operations of the route table', () => {
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(
      apiRoutes()
        .map(([key]) => key)
        .sort(),
    );
  });

  it('describes request bodies, query and path parameters from the zod schemas', () => {
    const patch = doc.paths['/api/campaigns/{id}']?.patch;
    expect(patch?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(Object.keys(patch?.requestBody?.content['application/json']?.schema.properties ?? {})).toContain(
      'headline_spintax_root',
    );
    const board = doc.paths['/api/seo/articles']?.get?.parameters ?? [];
    expect(board.find((p) => p.name === 'status')).toMatchObject({ in: 'query', required: true });
    // A default makes a parameter optional for the caller.
    expect(board.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', required: false });
  });

  it('gives every operation a success answer and the error envelope, and admin routes their auth', () => {
    for (const { path, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => /^[23]\d\d$/.test(s)),
        `${method} ${path}`,
      ).toBe(true);
      expect(op.responses['4XX']?.$ref).toBe('#/components/responses/Error');
      const admin = apiRoutes().find(([key]) => key === op.operationId)?.[1].auth === 'admin';
      expect(op.security.length > 0).toBe(admin);
    }
  });

  it('renders every operation into the reference page, escaped', () => {
    const page = referencePage(doc);
    for (const { path } of operations) expect(page).toContain(`<code>${path}</code>`);
    expect(page).not.toMatch(/<script/i);
  });
});
