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

describe('spamReasonFor with the signed form token', () => {
  const now = 1_700_000_000_000;

  it('measures the fill time from when the form was shown, ignoring what the browser claims', () => {
    expect(spamReasonFor({ elapsed_ms: 60_000 }, { at: now - 1000, now })).toBe('too_fast');
    expect(spamReasonFor({}, { at: now - MIN_FILL_MS, now })).toBeNull();
  });

  it('flags a token that does not verify, and still flags a filled honeypot first', () => {
    expect(spamReasonFor({ elapsed_ms: 60_000 }, { at: null, now })).toBe('forged_token');
    expect(spamReasonFor({ honeypot: 'x' }, { at: now - 60_000, now })).toBe('honeypot');
  });
});
