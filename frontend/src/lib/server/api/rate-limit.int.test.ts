import { AppError } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { enforceRateLimit } from './rate-limit.js';

describe('enforceRateLimit (real Redis)', () => {
  it('lets `limit` requests through per window, then answers RATE_LIMITED with a retry delay', async () => {
    const rule = { bucket: `test-${Date.now()}`, limit: 3, windowSeconds: 30 };
    for (let i = 0; i < 3; i++) await enforceRateLimit(rule, 'client-a');
    const error = await enforceRateLimit(rule, 'client-a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    const retry = ((error as AppError).details as { retry_after_s: number }).retry_after_s;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(30);
  });

  it('counts each client separately', async () => {
    const rule = { bucket: `test-sep-${Date.now()}`, limit: 1, windowSeconds: 30 };
    await enforceRateLimit(rule, 'client-a');
    await expect(enforceRateLimit(rule, 'client-b')).resolves.toBeUndefined();
    await expect(enforceRateLimit(rule, 'client-a')).rejects.toThrow(/Too many requests/);
  });

  it('starts a new window after the old one expires', async () => {
    const rule = { bucket: `test-window-${Date.now()}`, limit: 1, windowSeconds: 1 };
    await enforceRateLimit(rule, 'client-a');
    await expect(enforceRateLimit(rule, 'client-a')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(enforceRateLimit(rule, 'client-a')).resolves.toBeUndefined();
  });
});
