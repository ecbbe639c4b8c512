import type { HookConfig, SchemaOverview } from '@directus/types';
import { toPgArrayLiteral } from '../data/pg-array-literal.js';

type Payload = Record<string, unknown>;

/**
 * Directus has no PostgreSQL array type: it would send a list for a `text[]`/`uuid[]` column (edited with the
 * tags interface) as JSON, which PostgreSQL rejects ("malformed array literal"). Lists for array columns are
 * rewritten into array literals before Directus writes them. Reads need nothing: pg returns JS arrays.
 */
export function rewriteArrayValues(
  payload: Payload,
  collection: string,
  schema: SchemaOverview | null,
): Payload {
  const fields = schema?.collections[collection]?.fields;
  if (!fields) return payload;
  let rewritten: Payload | undefined;
  for (const [name, value] of Object.entries(payload)) {
    if (!Array.isArray(value) || fields[name]?.dbType !== 'ARRAY') continue;
    rewritten ??= { ...payload };
    rewritten[name] = toPgArrayLiteral(value);
  }
  return rewritten ?? payload;
}

const arrayColumnsHook: HookConfig = ({ filter }) => {
  for (const event of ['items.create', 'items.update'] as const) {
    filter(event, (payload, meta, context) => {
      if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
      return rewriteArrayValues(payload as Payload, String(meta.collection), context.schema);
    });
  }
};

export default arrayColumnsHook;
