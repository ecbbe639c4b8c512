/** Building blocks for the importer's generated SQL: values with casts, and numbered params. */

/**
 * A parameterised SQL expression; `?` marks where each param goes. Used for values that need
 * a cast or a function (jsonb, PostGIS points) instead of a plain parameter.
 */
export class SqlExpr {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

export type SqlValue = string | number | boolean | null | readonly string[] | SqlExpr;

/** node-postgres would turn a JS array into a Postgres array literal, so jsonb is sent as text. */
export const jsonb = (value: unknown): SqlExpr => new SqlExpr('?::jsonb', [JSON.stringify(value)]);

export const point = (lng: number, lat: number): SqlExpr =>
  new SqlExpr('ST_SetSRID(ST_MakePoint(?::float8, ?::float8), 4326)', [lng, lat]);

/**
 * One column of a natural key. `fold` mirrors an expression in the table's unique index
 * (`lower(label)`, `md5(body)`) so `on conflict` can infer that index.
 */
export interface KeyPart {
  value: SqlValue;
  fold?: 'lower' | 'md5';
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

export function ident(name: string): string {
  // Table and column names come from this package's code, never from a blueprint; the check
  // guards against a future caller passing one through.
  if (!IDENT.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return name;
}

export function isKeyPart(v: SqlValue | KeyPart): v is KeyPart {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof SqlExpr);
}

export class Params {
  readonly list: unknown[] = [];
  add(value: SqlValue): string {
    if (!(value instanceof SqlExpr)) {
      this.list.push(value);
      return `$${this.list.length}`;
    }
    let i = 0;
    return value.text.replace(/\?/g, () => {
      this.list.push(value.params[i++]);
      return `$${this.list.length}`;
    });
  }
}
