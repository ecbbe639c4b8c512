import type { Row } from './tenant.js';

export const MAX_DIFF_STRING = 200;

/** Never copied into the work log, whatever the collection. */
const SECRET_FIELD = /(password|passwd|token|secret|api_?key|private_?key|public_key|credential|tfa)/i;
/** Maintained by triggers and Directus itself; they would add a line to every diff and say nothing. */
const NOISE_FIELDS = new Set(['date_created', 'date_updated']);

export type FieldChange = { old?: unknown; new?: unknown };
export type ChangeDiff = Record<string, FieldChange>;

/** Shortens a value for the log: long strings and big JSON are cut to ~200 characters with a length note. */
export function compactValue(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') {
    return value.length > MAX_DIFF_STRING
      ? `${value.slice(0, MAX_DIFF_STRING)}… (${value.length} chars)`
      : value;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const json = JSON.stringify(value);
    return json.length > MAX_DIFF_STRING
      ? `${json.slice(0, MAX_DIFF_STRING)}… (${json.length} chars)`
      : value;
  }
  return value;
}

const comparable = (value: unknown) =>
  value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null);

function sameValue(before: unknown, after: unknown): boolean {
  if (typeof after === 'string' && before instanceof Date) return Date.parse(after) === before.getTime();
  return comparable(before) === comparable(after);
}

const logged = (field: string) => !NOISE_FIELDS.has(field);
const redacted = (field: string) => SECRET_FIELD.test(field);

/** Fields a create set: `{field: {new}}`. */
export function createDiff(payload: Row): ChangeDiff {
  const diff: ChangeDiff = {};
  for (const [field, value] of Object.entries(payload)) {
    if (!logged(field)) continue;
    diff[field] = { new: redacted(field) ? '[redacted]' : compactValue(value) };
  }
  return diff;
}

/** Only the fields whose value actually changed: `{field: {old, new}}`. */
export function updateDiff(before: Row | undefined, payload: Row): ChangeDiff {
  const diff: ChangeDiff = {};
  for (const [field, value] of Object.entries(payload)) {
    if (!logged(field)) continue;
    const old = before?.[field];
    if (before && field in before && sameValue(old, value)) continue;
    diff[field] = redacted(field)
      ? { old: '[redacted]', new: '[redacted]' }
      : { old: before && field in before ? compactValue(old) : undefined, new: compactValue(value) };
  }
  return diff;
}

/** What a deleted row held: `{field: {old}}`. */
export function deleteDiff(before: Row | undefined): ChangeDiff {
  const diff: ChangeDiff = {};
  for (const [field, value] of Object.entries(before ?? {})) {
    if (!logged(field) || value === null) continue;
    diff[field] = { old: redacted(field) ? '[redacted]' : compactValue(value) };
  }
  return diff;
}
