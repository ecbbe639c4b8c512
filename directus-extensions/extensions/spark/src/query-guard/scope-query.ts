import {
  checkOrderPath,
  type Filter,
  type GuardContext,
  isFilter,
  RefusedPath,
  scopeFilter,
} from './scope-filter.js';

/** The parts of a Directus query this guard reads; everything else passes through untouched. */
export interface GuardedQuery {
  filter?: unknown;
  sort?: unknown;
  aggregate?: unknown;
  group?: unknown;
  deep?: unknown;
  alias?: unknown;
  [key: string]: unknown;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function checkOrdering(context: GuardContext, collection: string, query: GuardedQuery, deep: boolean): void {
  const sortKey = deep ? '_sort' : 'sort';
  const aggregateKey = deep ? '_aggregate' : 'aggregate';
  const groupKey = deep ? '_group' : 'group';
  const aggregate = isFilter(query[aggregateKey]) ? (query[aggregateKey] as Filter) : {};
  for (const field of strings(query[sortKey])) {
    const path = field.replace(/^-/, '');
    // Sorting by an aggregate's result (`sort=-count.id`) names the aggregate, not a field.
    if ((path.split('.')[0] ?? '') in aggregate) continue;
    checkOrderPath(context, collection, path, 'Sorting');
  }
  for (const fields of Object.values(aggregate))
    for (const field of strings(fields))
      if (field !== '*') checkOrderPath(context, collection, field, 'Aggregating');
  for (const field of strings(query[groupKey])) checkOrderPath(context, collection, field, 'Grouping');
}

/**
 * `deep` nests per relational field: each level holds `_filter`, `_sort`, … for the related collection. A key
 * may be an alias (`alias[x]=site_id`); a key that names no relation but carries options is refused, so no
 * nested filter escapes scoping under a name this guard does not understand.
 */
function scopeDeep(context: GuardContext, collection: string, deep: Filter, aliases: Filter): Filter {
  const scoped: Filter = {};
  for (const [key, value] of Object.entries(deep)) {
    if (key.startsWith('_') || !isFilter(value)) {
      scoped[key] = value;
      continue;
    }
    const field = typeof aliases[key] === 'string' ? (aliases[key] as string) : key;
    const target = context.relationOf(collection, field)?.target;
    if (!target) throw new RefusedPath(`deep["${key}"] does not name a relational field of "${collection}"`);
    checkOrdering(context, target, value, true);
    const level = scopeDeep(context, target, value, isFilter(value._alias) ? value._alias : {});
    if (isFilter(value._filter)) level._filter = scopeFilter(context, target, value._filter);
    scoped[key] = level;
  }
  return scoped;
}

/**
 * The query a non-admin caller may run on `collection`: relational filter paths (also inside `deep`) are
 * limited to rows the caller can read; relational sort, groupBy and aggregate paths into row-filtered
 * collections are refused (`RefusedPath`), since an ordering cannot be limited that way.
 */
export function scopeQuery<Q extends GuardedQuery>(context: GuardContext, collection: string, query: Q): Q {
  checkOrdering(context, collection, query, false);
  const scoped: Q = { ...query };
  if (isFilter(query.filter)) scoped.filter = scopeFilter(context, collection, query.filter);
  if (isFilter(query.deep))
    scoped.deep = scopeDeep(context, collection, query.deep, isFilter(query.alias) ? query.alias : {});
  return scoped;
}
