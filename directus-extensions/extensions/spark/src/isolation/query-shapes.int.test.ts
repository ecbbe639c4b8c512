import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, testStack } from '../testing/stack.js';
import { admin, as, type Caller, graphql, isolationCallers } from './callers.js';

/**
 * Query shapes an ordering or a count cannot be scoped for (relational sort, groupBy, aggregate, count()) are
 * refused with a 403 that names the path, on REST and GraphQL; paths into globally readable rows and the
 * editor's own relational filters keep working.
 */
const stack = testStack();
const pool = openDatabase(stack);
afterAll(() => pool.end());

let editors: Caller[] = [];
const ids = { alpha: '', betaLead: '' };

beforeAll(async () => {
  editors = (await isolationCallers(stack)).filter((c) => c.name.startsWith('alpha editor'));
  const site = await pool.query<{ id: string }>("select id from sites where domain = 'alpha.localhost'");
  ids.alpha = site.rows[0]?.id ?? '';
  const lead = await pool.query<{ id: string }>(
    "insert into leads (site_id, email) select id, $1 from sites where domain = 'beta.localhost' returning id",
    [`shapes-${randomUUID().slice(0, 8)}@beta.example`],
  );
  ids.betaLead = lead.rows[0]?.id ?? '';
});

describe('relational query shapes that cannot be scoped', () => {
  it('refuses sort, groupBy and aggregate through a row-filtered relation with a 403 naming the path', async () => {
    for (const editor of editors) {
      for (const path of [
        '/items/leads?sort=site_id.name',
        '/items/headline_inventory?sort=-site_id.domain',
        '/items/leads?aggregate[count]=id&groupBy[]=site_id.name',
        '/items/leads?aggregate[max]=site_id.domain',
      ]) {
        const answer = await as<{ errors?: { message: string; extensions: { code: string } }[] }>(
          stack,
          editor,
          'GET',
          path,
        );
        expect(answer.status, `${editor.name} ${path}`).toBe(403);
        expect(answer.body.errors?.[0]?.message).toContain('site_id');
      }
    }
  });

  it('refuses the same sort through GraphQL', async () => {
    for (const editor of editors) {
      const answer = await graphql(stack, editor, '{ leads(sort: ["site_id.name"]) { id } }');
      expect(JSON.stringify(answer.body)).toContain('FORBIDDEN');
      expect(JSON.stringify(answer.body)).not.toContain('"leads":[');
    }
  });

  it('refuses a relational path into a collection the caller cannot read at all', async () => {
    for (const editor of editors) {
      const answer = await as(
        stack,
        editor,
        'GET',
        '/items/sites?filter[$FOLLOW(directus_users,role)][email][_nnull]=true',
      );
      expect(answer.status).toBe(403);
    }
  });
});

describe('relational sort, generated from the live schema', () => {
  it('is refused into every row-filtered or unreadable collection and allowed into global reference data, for every m2o', async () => {
    const relations = await admin<{
      data: { collection: string; field: string; related_collection: string | null }[];
    }>(stack, 'GET', '/relations?limit=-1');
    const owned = await pool.query<{ table: string }>(
      `select c.relname as table from pg_attribute a join pg_class c on c.oid = a.attrelid
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'site_id'`,
    );
    // Tenant rows are row-filtered; Directus's own collections are not readable through a path at all.
    const rowFiltered = new Set([...owned.rows.map((r) => r.table), 'sites']);
    const refusedInto = (collection: string) =>
      rowFiltered.has(collection) || collection.startsWith('directus_');
    let refused = 0;
    let allowed = 0;
    for (const r of relations.body.data) {
      if (!r.related_collection || r.collection.startsWith('directus_')) continue;
      for (const editor of editors) {
        const answer = await as(
          stack,
          editor,
          'GET',
          `/items/${r.collection}?sort=${r.field}.id&limit=1&fields=id`,
        );
        if (refusedInto(r.related_collection)) {
          expect(answer.status, `${editor.name} ${r.collection}.${r.field}`).toBe(403);
          refused++;
        } else {
          expect(answer.status, `${editor.name} ${r.collection}.${r.field}: ${answer.text}`).toBe(200);
          allowed++;
        }
      }
    }
    expect(refused).toBeGreaterThan(40);
    expect(allowed).toBeGreaterThan(4);
  });
});

describe('search', () => {
  it('finds nothing of beta’s by full-text search, exactly as for a value that does not exist', async () => {
    const { rows } = await pool.query<{ email: string }>('select email from leads where id = $1', [
      ids.betaLead,
    ]);
    for (const editor of editors) {
      const hit = await as(
        stack,
        editor,
        'GET',
        `/items/leads?search=${rows[0]?.email}&fields=id&meta=filter_count`,
      );
      const miss = await as(
        stack,
        editor,
        'GET',
        '/items/leads?search=zz9-nothing&fields=id&meta=filter_count',
      );
      expect(hit.status).toBe(200);
      expect(hit.text).toBe(miss.text);
    }
  });
});

describe('legitimate relational queries of an editor', () => {
  it('filters through its own site and sorts by global reference data', async () => {
    for (const editor of editors) {
      const own = await as<{ data: { site_id: string }[] }>(
        stack,
        editor,
        'GET',
        '/items/pages?fields=site_id&filter[site_id][domain][_eq]=alpha.localhost&limit=-1',
      );
      expect(own.status).toBe(200);
      expect(own.body.data.length).toBeGreaterThan(0);
      expect(new Set(own.body.data.map((p) => p.site_id))).toEqual(new Set([ids.alpha]));
      const follow = await as<{ data: unknown[] }>(
        stack,
        editor,
        'GET',
        `/items/sites?fields=id&filter[$FOLLOW(pages,site_id)][permalink][_eq]=/`,
      );
      expect(follow.body.data).toEqual([{ id: ids.alpha }]);
      const sorted = await as(stack, editor, 'GET', '/items/headline_inventory?sort=city_id.name&limit=3');
      expect(sorted.status).toBe(200);
    }
  });

  it('updates by a relational query only its own rows', async () => {
    for (const editor of editors) {
      const answer = await as(stack, editor, 'PATCH', '/items/leads', {
        query: { filter: { site_id: { domain: { _eq: 'beta.localhost' } } } },
        data: { status: 'contacted' },
      });
      expect(answer.status).toBeLessThan(500);
    }
    const lead = await pool.query<{ status: string }>('select status from leads where id = $1', [
      ids.betaLead,
    ]);
    expect(lead.rows[0]?.status).toBe('new');
  });

  it('leaves admins unrestricted', async () => {
    const answer = await admin<{ data: unknown[] }>(stack, 'GET', '/items/leads?sort=site_id.name&limit=1');
    expect(answer.status).toBe(200);
  });
});
