import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './log-redaction.js';

describe('redactSecrets', () => {
  it('replaces a secret nested in settings, arrays and JSON text, and keeps everything else', () => {
    const settings = {
      phone: '+1-512-555-0142',
      lead_webhook: { url: 'https://hooks.example/x', secret: 's3cret', enabled: true },
      integrations: [
        { name: 'crm', apiKey: 'k1' },
        { name: 'mail', smtp: { password: 'pw' } },
      ],
      raw: JSON.stringify({ deep: { access_token: 't0k' } }),
    };
    const redacted = redactSecrets(settings);
    expect(JSON.stringify(redacted)).not.toMatch(/s3cret|k1|"pw"|t0k/);
    expect(redacted).toMatchObject({
      phone: '+1-512-555-0142',
      lead_webhook: { url: 'https://hooks.example/x', secret: REDACTED, enabled: true },
      integrations: [
        { name: 'crm', apiKey: REDACTED },
        { name: 'mail', smtp: { password: REDACTED } },
      ],
    });
  });

  it('redacts a whole value stored under a secret key, even an object', () => {
    expect(redactSecrets({ credentials: { user: 'u', pass: 'p' } })).toEqual({ credentials: REDACTED });
  });

  it('stops at a bounded depth instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(JSON.stringify(redactSecrets(deep))).toContain('[too deep]');
  });

  it('leaves plain values, dates and non-JSON strings alone', () => {
    const when = new Date(0);
    expect(redactSecrets(when)).toBe(when);
    expect(redactSecrets('{not json')).toBe('{not json');
    expect(redactSecrets(42)).toBe(42);
    expect(redactSecrets(null)).toBe(null);
  });
});
