import type { RelationalStep, RelationOf } from './relations.js';

export type Filter = { [key: string]: unknown };

/**
 * What the caller may read, per collection: `undefined` = nothing (not readable), `null` = every row, a filter
 * = the rows it matches. Filters are already resolved (no `$CURRENT_USER`, `$NOW` left in them).
 */
export type ReadFilterOf = (collection: string) => Filter | null | undefined;

export interface GuardContext {
  relationOf: RelationOf;
  readFilterOf: ReadFilterOf;
}

/** A query shape the caller may not use; the message says which path and why. */
export class RefusedPath extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedPath';
  }
}

export const isFilter = (value: unknown): value is Filter =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LOGICAL = new Set(['_and', '_or']);
const QUANTIFIER = new Set(['_some', '_none']);
const FUNCTION_KEY = /^(\w+)\((.+)\)$/;

/** An operator object (`{ _eq: 1 }`) tests the field's own column: for a foreign key, the row at hand. */
const isOperatorOnly = (value: unknown): boolean =>
  !isFilter(value) ||
  Object.keys(value).every((key) => key.startsWith('_') && !LOGICAL.has(key) && !QUANTIFIER.has(key));

const allOf = (parts: Filter[]): Filter => (parts.length === 1 ? (parts[0] ?? {}) : { _and: parts });

/** `{ a: { b: leaf } }` for steps [a, b]. */
function nest(steps: readonly string[], leaf: Filter): Filter {
  return steps.reduceRight<Filter>((inner, step) => ({ [step]: inner }), leaf);
}

/**
 * Re-roots a filter written for the collection at the end of `steps` onto the query level. Directus evaluates a
 * relational path through one join alias per path, so a prefixed condition tests the very row the caller's
 * own condition tests; `_and`/`_or` are lifted because Directus reads only the first key below a relation.
 */
export function prefixFilter(steps: readonly string[], filter: Filter): Filter {
  return allOf(
    Object.entries(filter).map(([key, value]) =>
      LOGICAL.has(key) && Array.isArray(value)
        ? { [key]: value.map((sub) => (isFilter(sub) ? prefixFilter(steps, sub) : sub)) }
        : nest(steps, { [key]: value }),
    ),
  );
}

interface Position {
  collection: string;
  /** Keys from the query level (root, or the inside of a `_some`/`_none`) down to `collection`. */
  steps: string[];
}

function describe(position: Position, key: string): string {
  return [...position.steps, key].join('.');
}

/** The caller's read filter for a relation's target, or a refusal when the target is not readable. */
function readableTarget(context: GuardContext, step: RelationalStep, path: string): Filter | null {
  const target = step.target;
  const filter = target ? context.readFilterOf(target) : undefined;
  if (filter === undefined)
    throw new RefusedPath(
      `The path "${path}" leads into ${target ? `"${target}"` : 'an unscoped many-to-any relation'}, which you cannot read`,
    );
  return filter;
}

function scopeEntry(context: GuardContext, position: Position, key: string, value: unknown): Filter {
  if (LOGICAL.has(key) && Array.isArray(value))
    return { [key]: value.map((sub) => (isFilter(sub) ? scopeAt(context, position, sub) : sub)) };
  if (QUANTIFIER.has(key))
    throw new RefusedPath(
      `"${key}" in "${describe(position, key)}" must follow a one-to-many field directly`,
    );
  if (key.startsWith('_')) return nest(position.steps, { [key]: value });

  const call = FUNCTION_KEY.exec(key);
  if (call) {
    // `count(alias)` counts related rows; that count cannot be limited to the rows the caller may read.
    const counted = context.relationOf(position.collection, call[2] ?? '');
    if (counted) refuseRowScoped(context, counted, describe(position, key), 'Counting');
    return nest(position.steps, { [key]: value });
  }

  const step = context.relationOf(position.collection, key);
  if (!step || (step.kind === 'm2o' && isOperatorOnly(value))) return nest(position.steps, { [key]: value });

  const path = describe(position, key);
  const readable = readableTarget(context, step, path);
  const target = step.target ?? '';
  const quantifier = isFilter(value) ? Object.keys(value)[0] : undefined;
  if (quantifier && QUANTIFIER.has(quantifier) && (step.kind === 'o2m' || step.kind === 'o2a')) {
    if (position.steps.length > 0)
      throw new RefusedPath(
        `"${quantifier}" in "${path}" must follow a one-to-many field of the queried collection`,
      );
    const inner = (value as Filter)[quantifier];
    const scoped = isFilter(inner) ? scopeFilter(context, target, inner) : {};
    return { [key]: { [quantifier]: readable ? allOf([scoped, readable]) : scoped } };
  }
  const steps = [...position.steps, key];
  const inner = isOperatorOnly(value)
    ? nest(steps, value as Filter)
    : scopeAt(context, { collection: target, steps }, value as Filter);
  return readable ? allOf([inner, prefixFilter(steps, readable)]) : inner;
}

function scopeAt(context: GuardContext, position: Position, filter: Filter): Filter {
  const parts = Object.entries(filter).map(([key, value]) => scopeEntry(context, position, key, value));
  return parts.length === 0 ? filter : allOf(parts);
}

/**
 * Rewrites a query filter for `collection` so that every relational step (many-to-one, one-to-many alias,
 * `$FOLLOW`, many-to-any, at any depth and under `_and`/`_or`/`_some`/`_none`) can only test rows the caller
 * may read: each step into collection C is AND-ed with the caller's read filter for C, re-rooted onto the same
 * path. A step into a collection the caller cannot read at all is refused.
 */
export function scopeFilter(context: GuardContext, collection: string, filter: Filter): Filter {
  return scopeAt(context, { collection, steps: [] }, filter);
}

/** Ordering, grouping or counting through a relation whose rows are row-filtered would rank unreadable rows. */
function refuseRowScoped(context: GuardContext, step: RelationalStep, path: string, what: string): void {
  const readable = readableTarget(context, step, path);
  if (readable)
    throw new RefusedPath(
      `${what} by "${path}" would use rows of "${step.target}" you may not read; use fields of the queried collection`,
    );
}

/**
 * Checks a dotted field path used for sort, groupBy or aggregate: it may cross only into collections the caller
 * reads in full (global reference data). The last part is a column of the collection reached (a foreign key
 * orders by its own value), unless it is a function over a relation such as `count(alias)`.
 */
export function checkOrderPath(context: GuardContext, collection: string, path: string, what: string): void {
  const parts = path.split('.');
  let current = collection;
  for (const [index, part] of parts.entries()) {
    const call = FUNCTION_KEY.exec(part);
    const last = index === parts.length - 1;
    if (last && !call) return;
    const step = context.relationOf(current, call ? (call[2] ?? '') : part);
    if (!step) return;
    refuseRowScoped(context, step, path, what);
    if (!step.target || last) return;
    current = step.target;
  }
}
