import { describe, expect, it } from 'vitest';
import { appErrorFromPostgres, inputErrorOf, isDatabaseUnavailable } from './pg-errors.js';

describe('appErrorFromPostgres', () => {
  it('answers a malformed literal (22P02) with VALIDATION_FAILED, the same code as every other bad value', () => {
    const error = appErrorFromPostgres({ code: '22P02', message: 'invalid input syntax for type uuid' });
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.status).toBe(422);
  });

  it('answers a unique violation with CONFLICT, naming the detail and the constraint', () => {
    const error = appErrorFromPostgres({
      code: '23505',
      detail: 'Key (slug)=(a) already exists.',
      constraint: 'campaigns_slug_key',
    });
    expect(error?.code).toBe('CONFLICT');
    expect(error?.message).toContain('Key (slug)=(a) already exists.');
    expect(error?.details).toEqual({ constraint: 'campaigns_slug_key' });
  });

  it('passes a trigger rule’s own message through', () => {
    const error = appErrorFromPostgres({ code: 'P0001', message: 'host a.example belongs to another site' });
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.message).toBe('host a.example belongs to another site');
  });

  it('treats NUL characters as a bad request', () => {
    expect(appErrorFromPostgres({ code: '22021' })?.code).toBe('BAD_REQUEST');
    expect(appErrorFromPostgres({ code: '22P05' })?.code).toBe('BAD_REQUEST');
  });

  it('answers connection failures with SERVICE_UNAVAILABLE', () => {
    expect(appErrorFromPostgres({ code: '57P01' })?.code).toBe('SERVICE_UNAVAILABLE');
    expect(appErrorFromPostgres(new Error('connect ECONNREFUSED 127.0.0.1:5432'))?.code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect(isDatabaseUnavailable({ code: '23505' })).toBe(false);
  });

  it('leaves unknown errors unknown', () => {
    expect(appErrorFromPostgres({ code: '42601', message: 'syntax error' })).toBeUndefined();
    expect(appErrorFromPostgres(new Error('boom'))).toBeUndefined();
    expect(appErrorFromPostgres(null)).toBeUndefined();
    expect(inputErrorOf('text')).toBeUndefined();
  });
});
