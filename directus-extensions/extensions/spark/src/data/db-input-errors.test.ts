import { describe, expect, it } from 'vitest';
import { describeInputError } from './db-input-errors.js';

describe('describeInputError', () => {
  it('names the constraint a check violation broke', () => {
    expect(describeInputError({ code: '23514', constraint: 'sites_status_check' })).toBe(
      'A value is outside what the field allows (sites_status_check)',
    );
  });

  it('passes a trigger’s own message through', () => {
    expect(
      describeInputError({ code: 'P0001', message: 'host a.example already belongs to another site' }),
    ).toContain('host a.example already belongs to another site');
  });

  it('treats a NUL character in text or JSON as bad input', () => {
    expect(describeInputError({ code: '22021' })).toContain('NUL');
    expect(describeInputError({ code: '22P05' })).toContain('\\u0000');
  });

  it('leaves other errors alone', () => {
    expect(describeInputError({ code: '08006' })).toBeUndefined();
    expect(describeInputError(new Error('boom'))).toBeUndefined();
    expect(describeInputError(null)).toBeUndefined();
  });
});
