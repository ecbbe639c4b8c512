/**
 * Builds every relational filter path the oracle suite probes, from the live schema: for a predicate on a
 * target collection's row, each path wraps it so that it is tested from a root collection the caller reads.
 */
export interface SchemaRelation {
  collection: string;
  field: string;
  related_collection: string | null;
}

export interface OraclePath {
  root: string;
  target: string;
  label: string;
  /** The filter for `root` that tests `predicate` on rows of `target`. */
  wrap: (predicate: Record<string, unknown>) => Record<string, unknown>;
}

export interface OracleSchema {
  relations: SchemaRelation[];
  /** Collections with a `site_id` column (tenant rows). */
  tenantOwned: string[];
  /** Collections the caller could query at all (status 200 for a plain read). */
  readableRoots: string[];
}

const follow = (collection: string, field: string) => `$FOLLOW(${collection},${field})`;

export function oraclePaths(schema: OracleSchema): OraclePath[] {
  const targets = new Set([...schema.tenantOwned, 'sites']);
  const roots = new Set(schema.readableRoots);
  const manyToOne = schema.relations.filter((r) => r.related_collection);
  const paths: OraclePath[] = [];
  const add = (root: string, target: string, label: string, wrap: OraclePath['wrap']) => {
    if (roots.has(root)) paths.push({ root, target, label: `${root}: ${label}`, wrap });
  };

  for (const r of manyToOne) {
    const related = r.related_collection ?? '';
    // Many-to-one: from a row to the row its foreign key names.
    if (targets.has(related)) add(r.collection, related, `${r.field}`, (p) => ({ [r.field]: p }));
    // $FOLLOW: from a row to the rows whose foreign key names it, directly and in _some/_none form.
    if (targets.has(r.collection)) {
      const key = follow(r.collection, r.field);
      add(related, r.collection, key, (p) => ({ [key]: p }));
      add(related, r.collection, `${key}._some`, (p) => ({ [key]: { _some: p } }));
      add(related, r.collection, `${key}._none`, (p) => ({ [key]: { _none: p } }));
    }
  }
  // Two hops: from any tenant row to its site, then to every tenant collection of that site.
  for (const root of schema.tenantOwned)
    for (const target of schema.tenantOwned) {
      const key = follow(target, 'site_id');
      add(root, target, `site_id.${key}`, (p) => ({ site_id: { [key]: p } }));
    }
  // Three hops: from shared rows (geography, the library) to the tenant rows that point at them, to their site,
  // to every tenant collection of that site.
  for (const r of manyToOne) {
    const related = r.related_collection ?? '';
    if (!schema.tenantOwned.includes(r.collection) || targets.has(related)) continue;
    for (const target of schema.tenantOwned) {
      const first = follow(r.collection, r.field);
      const last = follow(target, 'site_id');
      add(related, target, `${first}.site_id.${last}`, (p) => ({ [first]: { site_id: { [last]: p } } }));
    }
  }
  return paths;
}
