import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, call, openDatabase, testStack } from '../testing/stack.js';
import { admin, type Caller, graphql, isolationCallers } from './callers.js';
import { type OraclePath, oraclePaths, type SchemaRelation } from './oracle-paths.js';

/**
 * The relational-filter oracle, generated from the live schema: every relational path (many-to-one,
 * `$FOLLOW` in plain/_some/_none form, two hops through the site, three hops from shared rows through tenant
 * rows and their site) from every collection a caller can read, to every tenant collection. Each path carries
 * a predicate on one of beta's rows in a true and a false form; a caller who may not read beta's rows must
 * get the very same answer for both, as a list with its count, as an aggregate and through `deep`.
 */
const stack = testStack();
const pool = openDatabase(stack);
afterAll(() => pool.end());

const secret = {
  email: `oracle-${randomUUID().slice(0, 8)}@beta.example`,
  title: `Oracle draft ${randomUUID()}`,
};
const ids = { alpha: '', beta: '' };
const schema = { relations: [] as SchemaRelation[], tenantOwned: [] as string[] };
/** Up to a few rows per tenant collection: beta's (the secrets) and alpha's (for the control test). */
const rowsOf = { beta: new Map<string, string[]>(), alpha: new Map<string, string[]>() };
/** Per caller, one beta row per collection that the caller itself cannot read: what it must not learn about. */
const secretsOf = new Map<string, Map<string, string>>();
let callers: Caller[] = [];
const roots = new Map<string, string[]>();

async function siteId(domain: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>('select id from sites where domain = $1', [domain]);
  if (!rows[0]) throw new Error(`no site ${domain}`);
  return rows[0].id;
}

/** Seeded rows first (a draft, a lead: never readable outside their site), then others, by id. */
async function firstRows(site: string, seeded: Map<string, string>): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>([['sites', [site]]]);
  for (const table of schema.tenantOwned) {
    const found = await pool.query<{ id: string }>(
      `select id::text from ${table} where site_id = $1 order by id limit 20`,
      [site],
    );
    const ids = [seeded.get(table), ...found.rows.map((r) => r.id)].filter((id): id is string => !!id);
    if (ids.length > 0) rows.set(table, ids);
  }
  return rows;
}

async function unreadableBy(caller: Caller): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  for (const [table, candidates] of rowsOf.beta)
    for (const id of candidates) {
      const answer = await call(stack, 'GET', `/items/${table}/${id}?fields=id`, { headers: caller.headers });
      if (answer.status !== 200) {
        secrets.set(table, id);
        break;
      }
    }
  return secrets;
}

beforeAll(async () => {
  ids.alpha = await siteId('alpha.localhost');
  ids.beta = await siteId('beta.localhost');
  const lead = await pool.query<{ id: string }>(
    "insert into leads (site_id, email, name, phone) values ($1, $2, 'Oracle', '+15550100') returning id",
    [ids.beta, secret.email],
  );
  const draft = await pool.query<{ id: string }>(
    "insert into posts (site_id, slug, title, status) values ($1, $2, $3, 'draft') returning id",
    [ids.beta, `oracle-${Date.now()}`, secret.title],
  );
  // Beta rows that point at shared rows (geography, the shared library): the doorway a tenant's readable rows
  // open into another tenant's, as in `geo_cities → headline_inventory → site → leads`.
  await pool.query(
    `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, state_id, county_id,
       city_id, avatar_id)
     select $1, (select id from campaign_masters where site_id = $1 limit 1), 'Oracle headline', 0, $2,
       (select id from geo_states limit 1), (select id from geo_counties limit 1), (select id from geo_cities limit 1),
       (select id from avatar_intelligence where site_id is null limit 1)`,
    [ids.beta, `oracle-${randomUUID()}`],
  );
  const relations = await admin<{ data: SchemaRelation[] }>(stack, 'GET', '/relations?limit=-1');
  schema.relations = relations.body.data.filter((r) => !r.collection.startsWith('directus_'));
  const collections = await admin<{ data: { collection: string }[] }>(stack, 'GET', '/collections?limit=-1');
  const known = new Set(collections.body.data.map((c) => c.collection));
  const owned = await pool.query<{ table: string }>(
    `select c.relname as table from pg_attribute a join pg_class c on c.oid = a.attrelid
     where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'site_id' and not a.attisdropped`,
  );
  schema.tenantOwned = owned.rows.map((r) => r.table).filter((table) => known.has(table));
  const seeded = new Map([
    ['leads', lead.rows[0]?.id ?? ''],
    ['posts', draft.rows[0]?.id ?? ''],
  ]);
  rowsOf.beta = await firstRows(ids.beta, seeded);
  rowsOf.alpha = await firstRows(ids.alpha, new Map());
  callers = [
    ...(await isolationCallers(stack)),
    { name: 'SSR reader', headers: { authorization: `Bearer ${stack.DIRECTUS_READ_TOKEN}` } },
  ];
  for (const caller of callers) {
    const readable: string[] = [];
    for (const collection of known) {
      if (collection.startsWith('directus_')) continue;
      const answer = await call(stack, 'GET', `/items/${collection}?limit=0`, { headers: caller.headers });
      if (answer.status === 200) readable.push(collection);
    }
    roots.set(caller.name, readable);
    secretsOf.set(caller.name, await unreadableBy(caller));
  }
}, 120_000);

/** Runs `tasks` with a few requests in flight, like a patient attacker. */
async function inBatches<T>(tasks: (() => Promise<T>)[], width = 6): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < tasks.length; start += width)
    results.push(...(await Promise.all(tasks.slice(start, start + width).map((task) => task()))));
  return results;
}

const CALLERS = ['alpha editor (static token)', 'alpha editor (JWT)', 'SSR reader', 'anonymous'];

const fingerprint = (answer: Answer) => `${answer.status} ${answer.text}`;

interface Probe {
  label: string;
  ask: (predicate: Record<string, unknown>) => Promise<Answer>;
}

function restProbes(caller: Caller, path: OraclePath): Probe[] {
  const get = (query: string) =>
    call(stack, 'GET', `/items/${path.root}?${query}`, { headers: caller.headers });
  const filter = (p: Record<string, unknown>) => encodeURIComponent(JSON.stringify(path.wrap(p)));
  const probes: Probe[] = [
    {
      label: `${path.label} (list)`,
      ask: (p) => get(`fields=id&limit=5&meta=filter_count&filter=${filter(p)}`),
    },
    { label: `${path.label} (aggregate)`, ask: (p) => get(`aggregate[count]=id&filter=${filter(p)}`) },
  ];
  // deep: the same path below a many-to-one site, as a nested query's _filter.
  if (path.root !== 'sites' && schema.tenantOwned.includes(path.root) && path.label.includes(': site_id.')) {
    const nested = (p: Record<string, unknown>) => {
      const wrapped = path.wrap(p) as { site_id: Record<string, unknown> };
      return encodeURIComponent(JSON.stringify({ site_id: { _filter: wrapped.site_id } }));
    };
    probes.push({
      label: `${path.label} (deep)`,
      ask: (p) => get(`fields=id,site_id.id&limit=5&deep=${nested(p)}`),
    });
  }
  return probes;
}

function predicatesFor(
  target: string,
  rows: Map<string, string>,
  secret: boolean,
): [string, Record<string, unknown>, Record<string, unknown>][] {
  const id = rows.get(target);
  const pairs: [string, Record<string, unknown>, Record<string, unknown>][] = [];
  if (id) pairs.push(['id', { id: { _eq: id } }, { id: { _eq: randomUUID() } }]);
  if (target === 'leads' && secret)
    pairs.push(['email prefix', { email: { _starts_with: 'oracle-' } }, { email: { _starts_with: 'zz9-' } }]);
  if (target === 'posts' && secret)
    pairs.push([
      'title prefix',
      { title: { _starts_with: 'Oracle draft' } },
      { title: { _starts_with: 'zz9' } },
    ]);
  return pairs;
}

/** Every probe whose true and false answers differ. */
async function differences(caller: Caller, rows: Map<string, string>, secret: boolean, listsOnly = false) {
  const paths = oraclePaths({ ...schema, readableRoots: roots.get(caller.name) ?? [] });
  const tasks: (() => Promise<string | null>)[] = [];
  for (const path of paths)
    for (const [predicateName, yes, no] of predicatesFor(path.target, rows, secret))
      for (const probe of restProbes(caller, path).slice(0, listsOnly ? 1 : undefined))
        tasks.push(async () => {
          const [onTrue, onFalse] = [await probe.ask(yes), await probe.ask(no)];
          return fingerprint(onTrue) === fingerprint(onFalse)
            ? null
            : `${probe.label} [${predicateName}]: ${fingerprint(onTrue).slice(0, 160)}`;
        });
  const found = (await inBatches(tasks)).filter((d): d is string => d !== null);
  return { probes: tasks.length, paths: paths.length, found };
}

describe('the relational-filter oracle', () => {
  it('finds beta rows for every tenant collection the probes aim at', () => {
    for (const table of [
      'sites',
      'leads',
      'posts',
      'pages',
      'navigation',
      'forms',
      'campaign_masters',
      'headline_inventory',
    ])
      expect(rowsOf.beta.has(table), table).toBe(true);
    const editorSecrets = secretsOf.get('alpha editor (static token)');
    expect(editorSecrets?.size).toBe(rowsOf.beta.size);
    expect(secretsOf.get('SSR reader')?.has('leads')).toBe(true);
    expect(schema.tenantOwned.length).toBeGreaterThan(20);
  });

  it('tells true from false on the editor’s own rows (the probes can see a difference)', async () => {
    const editor = callers.find((c) => c.name === 'alpha editor (static token)');
    if (!editor) throw new Error('no alpha editor');
    const own = new Map([...rowsOf.alpha].map(([table, ids]) => [table, ids[0] ?? '']));
    const { found } = await differences(editor, own, false, true);
    expect(found.length).toBeGreaterThan(50);
  }, 300_000);

  for (const name of CALLERS)
    it(`gives ${name} the same answer for true and false predicates on beta’s rows, on every path`, async () => {
      const caller = callers.find((c) => c.name === name);
      if (!caller) throw new Error(`no caller ${name}`);
      const { probes, paths, found } = await differences(caller, secretsOf.get(name) ?? new Map(), true);
      if (name.startsWith('alpha')) expect(paths).toBeGreaterThan(300);
      if (name === 'SSR reader') expect(paths).toBeGreaterThan(20);
      expect(found, `${found.length} of ${probes} probes leak`).toEqual([]);
    }, 600_000);
});

describe('the oracle through GraphQL', () => {
  for (const name of CALLERS)
    it(`gives ${name} the same GraphQL answer for true and false predicates on every many-to-one path`, async () => {
      const caller = callers.find((c) => c.name === name);
      if (!caller) throw new Error(`no caller ${name}`);
      const readable = new Set(roots.get(caller.name) ?? []);
      const tasks: (() => Promise<string | null>)[] = [];
      for (const r of schema.relations) {
        const target = r.related_collection ?? '';
        const secretId = secretsOf.get(name)?.get(target);
        if (!secretId || !readable.has(r.collection)) continue;
        const ask = (id: string) =>
          graphql(
            stack,
            caller,
            `{ list: ${r.collection}(limit: 5, filter: { ${r.field}: { id: { _eq: "${id}" } } }) { id }
               count: ${r.collection}_aggregated(filter: { ${r.field}: { id: { _eq: "${id}" } } }) { count { id } } }`,
          );
        tasks.push(async () => {
          const [onTrue, onFalse] = [await ask(secretId), await ask(randomUUID())];
          return fingerprint(onTrue) === fingerprint(onFalse)
            ? null
            : `${r.collection}.${r.field}: ${fingerprint(onTrue).slice(0, 160)}`;
        });
      }
      const found = (await inBatches(tasks)).filter((d): d is string => d !== null);
      if (name.startsWith('alpha')) expect(tasks.length).toBeGreaterThan(10);
      expect(found).toEqual([]);
    }, 300_000);
});
