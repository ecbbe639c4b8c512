import { REDACTED, redactSecrets, SECRET_KEY } from '@spark/contracts';
import type { Row } from './tenant.js';

export const MAX_DIFF_STRING = 200;

/** Maintained by triggers and Directus itself; they would add a line to every diff and say nothing. */
const NOISE_FIELDS = new Set(['date_created', 'date_updated']);

/**
 * Collections holding visitors' personal data. The log (readable by the site's editors, kept for months)
 * records which of their fields changed, never the values: those stay in the row, under its own access rules
 * and deletion. The fields listed here carry no personal data and are logged as usual.
 */
const PERSONAL_DATA_COLLECTIONS = new Set(['leads', 'form_submissions']);
const NON_PERSONAL_FIELDS = new Set([
  'id',
  'site_id',
  'form_id',
  'lead_id',
  'status',
  'consent',
  'webhook_status',
]);
export const WITHHELD = '[personal data]';

export type FieldChange = { old?: unknown; new?: unknown };
export type ChangeDiff = Record<string, FieldChange>;

/** Shortens a value for the log: long strings and big JSON are cut to ~200 characters with a length note. */
export function compactValue(raw: unknown): unknown {
  // Secrets go first, at any depth: truncation must never leave part of one behind.
  const value = redactSecrets(raw);
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

/** What the log keeps of one field's value in `collection`. */
function loggedValue(collection: string | undefined, field: string, value: unknown): unknown {
  if (SECRET_KEY.test(field)) return REDACTED;
  if (collection && PERSONAL_DATA_COLLECTIONS.has(collection) && !NON_PERSONAL_FIELDS.has(field)) {
    return value === null || value === undefined ? null : WITHHELD;
  }
  return compactValue(value);
}

/** Fields a create set: `{field: {new}}`. */
export function createDiff(payload: Row, collection?: string): ChangeDiff {
  const diff: ChangeDiff = {};
  for (const [field, value] of Object.entries(payload)) {
    if (!logged(field)) continue;
    diff[field] = { new: loggedValue(collection, field, value) };
  }
  return diff;
}

/** Only the fields whose value actually changed: `{field: {old, new}}`. */
export function updateDiff(before: Row | undefined, payload: Row, collection?: string): ChangeDiff {
  const diff: ChangeDiff = {};
  for (const [field, value] of Object.entries(payload)) {
    if (!logged(field)) continue;
    const old = before?.[field];
    const known = before !== undefined && field in before;
    if (known && sameValue(old, value)) continue;
    diff[field] = {
      old: known ? loggedValue(collection, field, old) : undefined,
      new: loggedValue(collection, field, value),
    };
  }
  return diff;
}

/** What a deleted row held: `{field: {old}}`. */
export function deleteDiff(before: Row | undefined, collection?: string): ChangeDiff {
  const diff: ChangeDiff = {};
  for (const [field, value] of Object.entries(before ?? {})) {
    if (!logged(field) || value === null) continue;
    diff[field] = { old: loggedValue(collection, field, value) };
  }
  return diff;
}
