import { describe, expect, it } from 'vitest';
import { logIgnoredFailure } from './ignored-failure.js';

describe('logIgnoredFailure', () => {
  it('logs the first failure of a kind, then one line a minute with the count it left out', () => {
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const logger = {
      warn: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
    };
    const error = new Error('connection refused');
    logIgnoredFailure('unit-test cache write', error, logger as never, 1_000);
    logIgnoredFailure('unit-test cache write', error, logger as never, 2_000);
    logIgnoredFailure('unit-test cache write', error, logger as never, 3_000);
    logIgnoredFailure('unit-test other write', error, logger as never, 3_000);
    logIgnoredFailure('unit-test cache write', error, logger as never, 61_001);
    expect(lines.map((line) => line.message)).toEqual([
      'unit-test cache write failed; carrying on without it',
      'unit-test other write failed; carrying on without it',
      'unit-test cache write failed; carrying on without it',
    ]);
    expect(lines[0]?.fields.err).toBe(error);
    expect(lines[2]?.fields.suppressed).toBe(2);
  });
});
