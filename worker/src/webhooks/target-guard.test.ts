import { describe, expect, it } from 'vitest';
import { assertPublicTarget } from './target-guard.js';

const production = { NODE_ENV: 'production' };

describe('assertPublicTarget', () => {
  it('refuses loopback, private and metadata addresses in production', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://10.1.2.3/',
      'http://169.254.169.254/',
      'http://[::1]/',
    ]) {
      await expect(assertPublicTarget(url, production)).rejects.toThrow(/internal address/);
    }
  });

  it('allows public addresses, and anything outside production or when explicitly allowed', async () => {
    await expect(assertPublicTarget('https://93.184.215.14/hook', production)).resolves.toBeUndefined();
    await expect(assertPublicTarget('http://127.0.0.1:9/x', {})).resolves.toBeUndefined();
    await expect(
      assertPublicTarget('http://127.0.0.1:9/x', { ...production, WEBHOOK_ALLOW_INTERNAL_TARGETS: 'true' }),
    ).resolves.toBeUndefined();
  });
});
