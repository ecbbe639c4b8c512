import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, god, openDatabase, testStack, uniqueName } from '../testing/stack.js';

const stack = testStack();
const db = openDatabase(stack);
const collection = uniqueName('god_rows');

beforeAll(async () => {
  const answer = await god(stack, 'POST', '/god/schema/collections/create', {
    body: {
      collection,
      fields: [
        { field: 'id', type: 'uuid', schema: { is_primary_key: true }, meta: { special: ['uuid'] } },
        { field: 'sku', type: 'string', schema: { is_nullable: false, is_unique: true } },
        { field: 'name', type: 'string', schema: { is_nullable: false } },
        { field: 'price', type: 'decimal', schema: { numeric_precision: 10, numeric_scale: 2 } },
        { field: 'stock', type: 'integer', schema: { default_value: 0, is_nullable: false } },
        { field: 'attributes', type: 'json', schema: {} },
      ],
    },
  });
  if (answer.status !== 201) throw new Error(`could not create ${collection}: ${answer.text}`);
});
afterAll(async () => {
  await asUser(stack, stack.DIRECTUS_ADMIN_TOKEN, 'DELETE', `/collections/${collection}`);
  await db.end();
});

const count = async () =>
  (await db.query(`select count(*)::int as n from ${collection}`)).rows[0]?.n as number;
const product = (i: number) => ({
  sku: `sku-${i}`,
  name: `Product ${i}`,
  price: i % 100,
  attributes: { i, tags: ['a', 'b'] },
});
type Result = { data: { inserted: number; updated: number; total: number; statements: number } };

describe('god bulk insert', () => {
  it('inserts 10,000 rows in one call, in one transaction, quickly', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => product(i));
    const started = performance.now();
    const answer = await god<Result>(stack, 'POST', '/god/data/bulk-insert', { body: { collection, items } });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `bulk insert of 10,000 rows: ${seconds.toFixed(2)} s over HTTP (${answer.body.data?.statements} statements)`,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data).toMatchObject({ inserted: 10_000, updated: 0, total: 10_000 });
    expect(await count()).toBe(10_000);
    expect(seconds).toBeLessThan(15);
    const { rows } = await db.query(`select attributes, stock from ${collection} where sku = 'sku-7'`);
    expect(rows[0]).toEqual({ attributes: { i: 7, tags: ['a', 'b'] }, stock: 0 });
  });

  it('writes nothing when one row is invalid, and names the row and the reason', async () => {
    const before = await count();
    const items = Array.from({ length: 1200 }, (_, i) => product(20_000 + i));
    items[777] = { ...product(20_777), colour: 'red' } as never;
    const unknown = await god(stack, 'POST', '/god/data/bulk-insert', { body: { collection, items } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ row: 777, field: 'colour' }] } },
    });
    expect((unknown.body as { error: { message: string } }).error.message).toContain('row 777');

    items[777] = { ...product(20_777), price: 'cheap' } as never;
    const wrongType = await god(stack, 'POST', '/god/data/bulk-insert', { body: { collection, items } });
    expect(wrongType.body).toMatchObject({ error: { details: { issues: [{ row: 777, field: 'price' }] } } });

    items[777] = { sku: 'no-name' } as never;
    const missing = await god(stack, 'POST', '/god/data/bulk-insert', { body: { collection, items } });
    expect(missing.body).toMatchObject({ error: { details: { issues: [{ row: 777, field: 'name' }] } } });
    expect(await count()).toBe(before);
  });

  it('rolls back every statement when the database rejects a later batch', async () => {
    const before = await count();
    const items = Array.from({ length: 1500 }, (_, i) => product(30_000 + i));
    items[1400] = product(5); // sku-5 already exists: unique violation in the third statement
    const answer = await god(stack, 'POST', '/god/data/bulk-insert', { body: { collection, items } });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: { code: 'CONFLICT', details: { rows: { first: 1000, last: 1499 } } },
    });
    expect(await count()).toBe(before);
  });

  it('upserts on a unique key and reports inserted and updated rows', async () => {
    const items = [
      { sku: 'sku-1', name: 'Renamed 1', price: 9.5 },
      { sku: 'sku-2', name: 'Renamed 2', price: 8 },
      { sku: 'brand-new', name: 'New', price: 1 },
    ];
    const answer = await god<Result>(stack, 'POST', '/god/data/bulk-insert', {
      body: { collection, items, mode: 'upsert', key: 'sku' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data).toMatchObject({ inserted: 1, updated: 2, total: 3 });
    const { rows } = await db.query(`select name, attributes from ${collection} where sku = 'sku-1'`);
    // Columns the upsert did not send keep their stored values.
    expect(rows[0]).toEqual({ name: 'Renamed 1', attributes: { i: 1, tags: ['a', 'b'] } });
  });

  it('refuses Directus system collections with 403 and unknown collections with 404', async () => {
    const users = await god(stack, 'POST', '/god/data/bulk-insert', {
      body: { collection: 'directus_users', items: [{ email: 'evil@example.com' }] },
    });
    expect(users.status).toBe(403);
    expect(users.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const { rows } = await db.query(
      `select count(*)::int as n from directus_users where email = 'evil@example.com'`,
    );
    expect(rows[0]?.n).toBe(0);
    const missing = await god(stack, 'POST', '/god/data/bulk-insert', {
      body: { collection: 'no_such_table', items: [{}] },
    });
    expect(missing.status).toBe(404);
  });

  it('answers 413 in the envelope beyond MAX_PAYLOAD_SIZE (50 MB here)', async () => {
    const filler = 'x'.repeat(1024 * 1024);
    const items = Array.from({ length: 51 }, (_, i) => ({ sku: `big-${i}`, name: filler }));
    const answer = await god(stack, 'POST', '/god/data/bulk-insert', { body: { collection, items } });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers 413 (not a reset connection) to a chunked body without Content-Length', async () => {
    const chunk = new TextEncoder().encode(
      `{"collection":"${collection}","items":[{"name":"${'y'.repeat(1024 * 1024)}`,
    );
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 52) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(new URL('/god/data/bulk-insert', stack.DIRECTUS_INTERNAL_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-god-token': stack.GOD_MODE_TOKEN },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
