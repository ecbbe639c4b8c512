import { describe, expect, it } from 'vitest';
import { visitorHash } from './visitor.js';

describe('visitorHash', () => {
  it('is stable for the same salt, site, IP and agent, and changes when any of them does', () => {
    const base = visitorHash('salt', 'site', '203.0.113.9', 'UA');
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(visitorHash('salt', 'site', '203.0.113.9', 'UA')).toBe(base);
    expect(visitorHash('salt2', 'site', '203.0.113.9', 'UA')).not.toBe(base);
    expect(visitorHash('salt', 'other', '203.0.113.9', 'UA')).not.toBe(base);
    expect(visitorHash('salt', 'site', '203.0.113.10', 'UA')).not.toBe(base);
    expect(visitorHash('salt', 'site', '203.0.113.9', 'UA2')).not.toBe(base);
  });
});
