import { isDirectusError } from '@directus/errors';
import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { directusErrorOf } from './directus-error.js';
import { databaseUrlOf } from './services.js';

describe('a factory refusal as a Directus error', () => {
  it('turns invalid input into INVALID_PAYLOAD naming the first problem’s field, line and column', () => {
    const refusal = new AppError(
      'VALIDATION_FAILED',
      'headline_spintax_root is invalid — unclosed { (line 2, column 7)',
      {
        issues: [{ path: 'headline_spintax_root', message: 'unclosed {', line: 2, column: 7 }],
      },
    );
    const error = directusErrorOf(refusal) as Error & { status: number; code: string; extensions: object };
    expect(isDirectusError(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.extensions).toMatchObject({ field: 'headline_spintax_root', line: 2, column: 7 });
    expect(error.message).toContain('(line 2, column 7)');
  });

  it('keeps the status and code of other refusals', () => {
    const error = directusErrorOf(new AppError('NOT_FOUND', 'No campaign x is visible to you')) as Error & {
      status: number;
      code: string;
    };
    expect(isDirectusError(error)).toBe(true);
    expect([error.status, error.code, error.message]).toEqual([
      404,
      'NOT_FOUND',
      'No campaign x is visible to you',
    ]);
  });
});

describe('the database Directus uses, as a URL', () => {
  it('is its connection string when it has one, else built from host, port, name and credentials', () => {
    expect(databaseUrlOf({ DB_CONNECTION_STRING: 'postgres://a@h/db' })).toBe('postgres://a@h/db');
    expect(
      databaseUrlOf({
        DB_HOST: 'db',
        DB_PORT: 5433,
        DB_DATABASE: 'spark',
        DB_USER: 'u',
        DB_PASSWORD: 'p@ss',
      }),
    ).toBe('postgres://u:p%40ss@db:5433/spark');
    expect(() => databaseUrlOf({})).toThrow(/DB_CONNECTION_STRING/);
  });
});
