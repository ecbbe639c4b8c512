import type { FieldOverview } from '@directus/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const INT32 = 2 ** 31;

export type FieldSpec = Pick<
  FieldOverview,
  'field' | 'type' | 'nullable' | 'defaultValue' | 'generated' | 'alias' | 'special'
>;

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/**
 * Checks one value against a Directus field type; returns what is wrong, or undefined when it fits. Only basic
 * types are checked here — enumerations, foreign keys and uniqueness are left to the database constraints.
 */
export function checkFieldValue(field: FieldSpec, value: unknown): string | undefined {
  if (value === null) return field.nullable ? undefined : 'may not be null';
  switch (field.type) {
    case 'string':
    case 'text':
    case 'hash':
    case 'csv':
      return typeof value === 'string' ? undefined : `expected a string, got ${describe(value)}`;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? undefined : 'expected a UUID';
    case 'integer':
      return Number.isInteger(value) && Math.abs(value as number) < INT32
        ? undefined
        : `expected a 32-bit integer, got ${describe(value)}`;
    case 'bigInteger':
      return Number.isSafeInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value))
        ? undefined
        : 'expected an integer';
    case 'float':
    case 'decimal':
      return (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && NUMERIC.test(value))
        ? undefined
        : `expected a number, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}`;
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? undefined : 'expected a date (YYYY-MM-DD)';
    case 'time':
      return typeof value === 'string' && TIME.test(value) ? undefined : 'expected a time (HH:MM[:SS])';
    case 'timestamp':
    case 'dateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'expected an ISO 8601 date-time string';
    default:
      if (field.type.startsWith('geometry')) {
        return value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string'
          ? undefined
          : 'expected a GeoJSON geometry object';
      }
      return undefined; // json and database-specific types (arrays, …): the database decides
  }
}

/** A column the caller may leave out: it has a default, is computed, or is an id Directus itself would mint. */
export function mayBeOmitted(field: FieldSpec, primary: string): boolean {
  if (field.alias || field.generated || field.nullable) return true;
  if (field.defaultValue !== null && field.defaultValue !== undefined) return true;
  return field.field === primary && field.special.includes('uuid');
}
