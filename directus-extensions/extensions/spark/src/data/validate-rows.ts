import { checkFieldValue, type FieldSpec, mayBeOmitted } from './field-values.js';

export interface CollectionSpec {
  collection: string;
  primary: string;
  fields: Record<string, FieldSpec>;
}

export interface RowIssue {
  /** 0-based index into `items`. */
  row: number;
  field: string;
  problem: string;
}

export interface RowValidationOptions {
  mode: 'insert' | 'upsert';
  key: string[];
  /** Stop collecting after this many issues: one bad column in 10,000 rows should not build a huge answer. */
  maxIssues?: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates bulk rows against a collection's fields as Directus sees them: unknown fields, alias (non-column)
 * fields, basic types, and required columns that have no default. In upsert mode every row must carry the
 * conflict key, and no two rows may share one (Postgres cannot update the same row twice in one statement).
 */
export function validateRows(
  spec: CollectionSpec,
  rows: unknown[],
  options: RowValidationOptions,
): RowIssue[] {
  const maxIssues = options.maxIssues ?? 20;
  const unknownKey = options.key.find((name) => !spec.fields[name]);
  if (unknownKey) return [{ row: -1, field: unknownKey, problem: 'the upsert key names an unknown field' }];
  const required = Object.values(spec.fields).filter((field) => !mayBeOmitted(field, spec.primary));
  const seenKeys = new Map<string, number>();
  const issues: RowIssue[] = [];
  for (let index = 0; index < rows.length && issues.length < maxIssues; index++) {
    const row = rows[index];
    const found = isPlainObject(row)
      ? [...fieldIssues(spec, row), ...missingRequired(required, row)]
      : ['(row)', 'expected an object of field values'];
    if (isPlainObject(row) && options.mode === 'upsert' && found.length === 0) {
      found.push(...keyIssues(options.key, row, index, seenKeys));
    }
    for (let i = 0; i < found.length; i += 2) {
      issues.push({ row: index, field: found[i] ?? '', problem: found[i + 1] ?? '' });
    }
  }
  return issues.slice(0, maxIssues);
}

/** Issues as flat [field, problem, field, problem, …] pairs, to keep the per-row loop allocation-light. */
function fieldIssues(spec: CollectionSpec, row: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(row)) {
    const field = spec.fields[name];
    const problem = !field
      ? `unknown field (not in collection "${spec.collection}")`
      : field.alias
        ? 'is an alias field, not a column; write the related rows instead'
        : checkFieldValue(field, value);
    if (problem) found.push(name, problem);
  }
  return found;
}

function missingRequired(required: FieldSpec[], row: Record<string, unknown>): string[] {
  return required
    .filter((field) => row[field.field] === undefined)
    .flatMap((field) => [field.field, 'is required (no default)']);
}

function keyIssues(
  key: string[],
  row: Record<string, unknown>,
  index: number,
  seen: Map<string, number>,
): string[] {
  const missing = key.find((name) => row[name] === undefined || row[name] === null);
  if (missing) return [missing, 'upsert rows must carry the conflict key'];
  const signature = JSON.stringify(key.map((name) => row[name]));
  const earlier = seen.get(signature);
  if (earlier !== undefined) return [key.join(','), `repeats the key of row ${earlier}`];
  seen.set(signature, index);
  return [];
}

export function describeIssue(issue: RowIssue): string {
  return issue.row < 0
    ? `${issue.field}: ${issue.problem}`
    : `row ${issue.row}, field "${issue.field}": ${issue.problem}`;
}
