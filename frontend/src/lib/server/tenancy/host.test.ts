import { describe, expect, it } from 'vitest';
import { normalizeHost } from './host.js';

describe('normalizeHost', () => {
  it('strips the port, www. and a trailing dot, and lower-cases', () => {
    expect(normalizeHost('WWW.Alpha.Localhost:4321')).toBe('alpha.localhost');
    expect(normalizeHost('alpha.example.')).toBe('alpha.example');
    expect(normalizeHost('beta.localhost')).toBe('beta.localhost');
  });

  it('rejects empty, malformed and IPv6-literal hosts', () => {
    expect(normalizeHost('')).toBeUndefined();
    expect(normalizeHost(undefined)).toBeUndefined();
    expect(normalizeHost('evil host')).toBeUndefined();
    expect(normalizeHost('[::1]:4321')).toBeUndefined();
    expect(normalizeHost('a..b')).toBeUndefined();
  });
});
