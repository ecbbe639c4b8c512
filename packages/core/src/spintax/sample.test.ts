import { describe, expect, it } from 'vitest';
import { parseSpintax } from './parse.js';
import { expandSpintax, sampleVariantIndices, sampleVariants } from './sample.js';

describe('sampleVariantIndices', () => {
  it('returns the same indices for the same seed and different ones for another seed', () => {
    const count = 10n ** 25n;
    const first = sampleVariantIndices(count, 20, 'campaign-1');
    expect(sampleVariantIndices(count, 20, 'campaign-1')).toEqual(first);
    expect(sampleVariantIndices(count, 20, 'campaign-2')).not.toEqual(first);
  });

  it('pages through the same permutation without overlap', () => {
    const count = 1000n;
    const all = sampleVariantIndices(count, 30, 's');
    const pageOne = sampleVariantIndices(count, 10, 's');
    const pageTwo = sampleVariantIndices(count, 20, 's', 10n);
    expect([...pageOne, ...pageTwo]).toEqual(all);
  });

  it('returns at most count indices', () => {
    expect(sampleVariantIndices(3n, 10, 'x')).toHaveLength(3);
    expect(sampleVariantIndices(0n, 10, 'x')).toEqual([]);
  });

  it('rejects a negative or fractional sample size', () => {
    expect(() => sampleVariantIndices(10n, -1, 'x')).toThrow(RangeError);
    expect(() => sampleVariantIndices(10n, 1.5, 'x')).toThrow(RangeError);
  });

  it('spreads samples over a huge space rather than clustering near zero', () => {
    const count = 2n ** 80n;
    const sample = sampleVariantIndices(count, 200, 'spread');
    const upperHalf = sample.filter((index) => index >= count / 2n).length;
    expect(upperHalf).toBeGreaterThan(60);
    expect(upperHalf).toBeLessThan(140);
  });
});

describe('sampleVariants', () => {
  it('renders distinct variants with their indices', () => {
    const template = parseSpintax('{Best|Top|Leading} {plumber|plumbing pro} in {City}');
    const samples = sampleVariants(template, 6, 'seed', { city: 'Austin' });
    expect(samples).toHaveLength(6);
    expect(new Set(samples.map((s) => s.text)).size).toBe(6);
    for (const sample of samples) expect(sample.text).toMatch(/ in Austin$/);
  });
});

describe('expandSpintax', () => {
  it('produces the same text for the same seed', () => {
    const template = parseSpintax('{a|b|c|d|e|f|g|h}{1|2|3|4|5|6|7|8}');
    expect(expandSpintax(template, 42)).toBe(expandSpintax(template, 42));
  });

  it('reaches different variants across seeds', () => {
    const template = parseSpintax('{a|b|c|d|e|f|g|h}{1|2|3|4|5|6|7|8}');
    const seen = new Set(Array.from({ length: 50 }, (_, i) => expandSpintax(template, i)));
    expect(seen.size).toBeGreaterThan(20);
  });

  it('throws RangeError when the template has no variants', () => {
    const template = parseSpintax('{Tone}', { dictionaries: { tone: [] } });
    expect(() => expandSpintax(template, 1)).toThrow(RangeError);
  });
});
