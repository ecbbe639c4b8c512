import { describe, expect, it } from 'vitest';
import { MIN_FILL_MS, spamReasonFor } from './spam-signals.js';

describe('spamReasonFor', () => {
  it('passes a human-paced submission with an empty honeypot', () => {
    expect(spamReasonFor({ honeypot: '', elapsed_ms: MIN_FILL_MS })).toBeNull();
  });

  it('flags a filled honeypot before anything else', () => {
    expect(spamReasonFor({ honeypot: 'http://spam.example', elapsed_ms: 60_000 })).toBe('honeypot');
  });

  it('flags submissions faster than a person, or without timing at all', () => {
    expect(spamReasonFor({ elapsed_ms: MIN_FILL_MS - 1 })).toBe('too_fast');
    expect(spamReasonFor({})).toBe('no_fill_time');
  });
});
