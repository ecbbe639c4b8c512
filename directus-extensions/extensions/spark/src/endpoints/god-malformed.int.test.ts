import { afterAll, describe, expect, it } from 'vitest';
import { god, openDatabase, testStack } from '../testing/stack.js';

/**
 * The malformed-input corpus on every god route (with a valid X-God-Token): wrong types, missing fields, huge
 * strings, deep JSON, wrong content type, invalid identifiers. All 4xx in the envelope; nothing written besides
 * the audit row every god call leaves.
 */
const stack = testStack();
const db = openDatabase(stack);
afterAll(() => db.end());

const deep = (levels: number): unknown => (levels === 0 ? 1 : { a: deep(levels - 1) });
const huge = 'x'.repeat(100_000);

interface Case {
  name: string;
  path: string;
  body: unknown;
  contentType?: string;
}

const corpus: Case[] = [
  { name: 'collection: wrong type', path: '/god/schema/collections/create', body: { collection: 42 } },
  { name: 'collection: missing name', path: '/god/schema/collections/create', body: { fields: [] } },
  { name: 'collection: huge name', path: '/god/schema/collections/create', body: { collection: huge } },
  {
    name: 'collection: invalid identifier',
    path: '/god/schema/collections/create',
    body: { collection: 'drop table; --' },
  },
  {
    name: 'collection: system prefix',
    path: '/god/schema/collections/create',
    body: { collection: 'directus_evil' },
  },
  {
    name: 'collection: deep JSON',
    path: '/god/schema/collections/create',
    body: { collection: 'deep_x', meta: deep(200) },
  },
  {
    name: 'collection: fields not a list',
    path: '/god/schema/collections/create',
    body: { collection: 'fields_x', fields: 'id' },
  },
  { name: 'relation: missing fields', path: '/god/schema/relations/create', body: { collection: 'pages' } },
  {
    name: 'relation: wrong types',
    path: '/god/schema/relations/create',
    body: { collection: 1, field: [], related_collection: {} },
  },
  {
    name: 'relation: unknown collection',
    path: '/god/schema/relations/create',
    body: { collection: 'no_such_table', field: 'x', related_collection: 'sites' },
  },
  { name: 'bulk: missing items', path: '/god/data/bulk-insert', body: { collection: 'pages' } },
  {
    name: 'bulk: items not a list',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: { a: 1 } },
  },
  {
    name: 'bulk: bad mode',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: [], mode: 'merge' },
  },
  {
    name: 'bulk: unknown collection',
    path: '/god/data/bulk-insert',
    body: { collection: 'no_such_table', items: [{ a: 1 }] },
  },
  {
    name: 'bulk: system collection',
    path: '/god/data/bulk-insert',
    body: { collection: 'directus_users', items: [{ email: 'x@y.z' }] },
  },
  {
    name: 'bulk: invalid UUID',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: [{ site_id: 'not-a-uuid', permalink: '/x', title: 'x' }] },
  },
  {
    name: 'bulk: wrong field type',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: [{ title: { nested: true } }] },
  },
  {
    name: 'bulk: huge string in an unknown field',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: [{ [huge.slice(0, 5000)]: 1 }] },
  },
  {
    name: 'bulk: deep JSON',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: [deep(200)] },
  },
  {
    name: 'bulk: upsert without key',
    path: '/god/data/bulk-insert',
    body: { collection: 'pages', items: [{ title: 'x' }], mode: 'upsert', key: 42 },
  },
  {
    name: 'invalid JSON',
    path: '/god/data/bulk-insert',
    body: '{"collection": "pages", ',
    contentType: 'application/json',
  },
  {
    name: 'wrong content type',
    path: '/god/data/bulk-insert',
    body: 'collection=pages',
    contentType: 'application/x-www-form-urlencoded',
  },
  { name: 'array body', path: '/god/schema/collections/create', body: [1, 2, 3] },
];

async function fingerprint(): Promise<string> {
  const { rows } = await db.query(
    `select (select count(*) from pages) as pages, (select count(*) from directus_collections) as collections,
            (select count(*) from directus_relations) as relations, (select count(*) from directus_users) as users,
            (select count(*) from pg_tables where schemaname = 'public') as tables`,
  );
  return JSON.stringify(rows[0]);
}

describe('the malformed-input corpus on the god routes', () => {
  for (const testCase of corpus) {
    it(`answers 4xx in the envelope and writes nothing: ${testCase.name}`, async () => {
      const before = await fingerprint();
      const answer = await god(stack, 'POST', testCase.path, {
        body: typeof testCase.body === 'string' ? testCase.body : JSON.stringify(testCase.body),
        headers: { 'content-type': testCase.contentType ?? 'application/json' },
      });
      expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
      const envelope = answer.body as { error?: { code?: unknown; message?: unknown } };
      expect(typeof envelope.error?.code).toBe('string');
      expect(typeof envelope.error?.message).toBe('string');
      expect(await fingerprint()).toBe(before);
    });
  }
});
