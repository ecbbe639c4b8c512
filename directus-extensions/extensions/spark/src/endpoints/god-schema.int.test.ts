import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asUser, god, openDatabase, testStack, uniqueName } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const created: string[] = [];
afterAll(async () => {
  for (const collection of created.reverse()) {
    await asUser(stack, stack.DIRECTUS_ADMIN_TOKEN, 'DELETE', `/collections/${collection}`);
  }
  await db.end();
});

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  field: name,
  type,
  meta: { interface: type === 'string' ? 'input' : null },
  schema: {},
  ...extra,
});

describe('god schema routes', () => {
  const collection = uniqueName('god_books');
  const related = uniqueName('god_authors');

  it('creates a collection through Directus that GET /items and the snapshot both show', async () => {
    const answer = await god(stack, 'POST', '/god/schema/collections/create', {
      body: {
        collection,
        fields: [
          field('id', 'uuid', {
            schema: { is_primary_key: true },
            meta: { special: ['uuid'], hidden: true },
          }),
          field('title', 'string', { schema: { is_nullable: false } }),
          field('pages', 'integer'),
        ],
        meta: { icon: 'book', note: 'made by god mode' },
      },
    });
    expect(answer.status, answer.text).toBe(201);
    created.push(collection);
    expect(answer.body).toMatchObject({ data: { collection, meta: { icon: 'book' } } });

    const items = await asUser(stack, stack.DIRECTUS_ADMIN_TOKEN, 'GET', `/items/${collection}`);
    expect(items.status, items.text).toBe(200);
    expect(items.body.data).toEqual([]);

    const snapshot = await god(stack, 'GET', '/god/schema/snapshot');
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers.get('content-type')).toMatch(/^application\/yaml/);
    const parsed = parse(snapshot.text) as {
      collections: { collection: string }[];
      fields: { field: string; collection: string }[];
    };
    expect(parsed.collections.map((c) => c.collection)).toContain(collection);
    expect(
      parsed.fields
        .filter((f) => f.collection === collection)
        .map((f) => f.field)
        .sort(),
    ).toEqual(['id', 'pages', 'title']);
  });

  it('creates a relation through Directus (a real foreign key)', async () => {
    const authors = await god(stack, 'POST', '/god/schema/collections/create', {
      body: { collection: related, fields: [field('name', 'string')] },
    });
    expect(authors.status, authors.text).toBe(201);
    created.unshift(related); // dropped after the collection that references it
    const fk = await god(stack, 'POST', '/god/schema/collections/create', {
      body: { collection: `${collection}_x`, fields: [field('author', 'integer')] },
    });
    expect(fk.status).toBe(201);
    created.push(`${collection}_x`);
    const relation = await god(stack, 'POST', '/god/schema/relations/create', {
      body: {
        collection: `${collection}_x`,
        field: 'author',
        related_collection: related,
        schema: { on_delete: 'SET NULL' },
      },
    });
    expect(relation.status, relation.text).toBe(201);
    expect(relation.body).toMatchObject({
      data: { collection: `${collection}_x`, field: 'author', related_collection: related },
    });
    const { rows } = await db.query(
      `select count(*)::int as n from information_schema.table_constraints
       where table_name = $1 and constraint_type = 'FOREIGN KEY'`,
      [`${collection}_x`],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses an existing collection (409), a system collection (403) and a bad name (422)', async () => {
    const again = await god(stack, 'POST', '/god/schema/collections/create', {
      body: { collection: 'pages' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'CONFLICT' } });
    const system = await god(stack, 'POST', '/god/schema/collections/create', {
      body: { collection: 'directus_evil' },
    });
    expect(system.status).toBe(403);
    const bad = await god(stack, 'POST', '/god/schema/collections/create', {
      body: { collection: 'Bad Name!' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers malformed bodies with 4xx envelopes', async () => {
    const notJson = await god(stack, 'POST', '/god/schema/collections/create', { body: '{"collection":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: 'INVALID_JSON' } });
    const wrongType = await god(stack, 'POST', '/god/schema/collections/create', {
      body: 'collection=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
  });
});
