import { describe, expect, it } from 'vitest';
import { countVariants } from './count.js';
import { UnresolvedVariableError } from './errors.js';
import { parseSpintax } from './parse.js';
import { unrankVariant } from './unrank.js';

describe('countVariants', () => {
  it('counts {Best|Top {Rated|Reviewed}} as 3', () => {
    expect(countVariants(parseSpintax('{Best|Top {Rated|Reviewed}}'))).toBe(3n);
  });

  it('multiplies independent groups and counts variables as one', () => {
    expect(countVariants(parseSpintax('{a|b|c} {City} {d|e|}'))).toBe(9n);
  });

  it('counts exactly beyond 2^53', () => {
    const template = parseSpintax('{a|b|c|d|e|f|g|h|i|j}'.repeat(20));
    expect(countVariants(template)).toBe(10n ** 20n);
  });

  it('counts a template with an empty dictionary as zero', () => {
    expect(countVariants(parseSpintax('{x|y} {Tone}', { dictionaries: { tone: [] } }))).toBe(0n);
  });
});

describe('unrankVariant', () => {
  const template = parseSpintax('{Best|Top {Rated|Reviewed}} plumbers in {City}');

  it('decodes every index in nested-loop order', () => {
    const variants = [0n, 1n, 2n].map((n) => unrankVariant(template, n, { CITY: 'Austin' }));
    expect(variants).toEqual([
      'Best plumbers in Austin',
      'Top Rated plumbers in Austin',
      'Top Reviewed plumbers in Austin',
    ]);
  });

  it('varies the last group fastest', () => {
    const pair = parseSpintax('{a|b}{1|2}');
    expect([0n, 1n, 2n, 3n].map((n) => unrankVariant(pair, n))).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('decodes an index far beyond 2^53 without enumerating', () => {
    const huge = parseSpintax('{0|1|2|3|4|5|6|7|8|9}'.repeat(30));
    const index = 123456789012345678901234567890n;
    expect(unrankVariant(huge, index)).toBe('123456789012345678901234567890');
  });

  it('throws RangeError for a negative index or one equal to the count', () => {
    expect(() => unrankVariant(template, -1n, { city: 'x' })).toThrow(RangeError);
    expect(() => unrankVariant(template, 3n, { city: 'x' })).toThrow(RangeError);
  });

  it('throws UnresolvedVariableError naming the variable and its position when a binding is missing', () => {
    expect(() => unrankVariant(template, 0n)).toThrow(UnresolvedVariableError);
    expect(() => unrankVariant(template, 0n, { state: 'TX' })).toThrow(/\{City\} \(line 1, column 41\)/);
  });

  it('treats null and undefined bindings as missing', () => {
    expect(() => unrankVariant(template, 0n, { city: null })).toThrow(UnresolvedVariableError);
  });

  it('keeps unbound variables as tokens only when asked to, for previews', () => {
    expect(unrankVariant(template, 0n, {}, { onMissingVariable: 'keep' })).toBe('Best plumbers in {City}');
  });

  it('renders numeric bindings as text', () => {
    expect(unrankVariant(parseSpintax('in {Year}'), 0n, { year: 2025 })).toBe('in 2025');
  });

  it('picks dictionary terms in order', () => {
    const withDictionary = parseSpintax('{Tone} {a|b}', { dictionaries: { tone: ['calm', 'bold'] } });
    expect([0n, 1n, 2n, 3n].map((n) => unrankVariant(withDictionary, n))).toEqual([
      'calm a',
      'calm b',
      'bold a',
      'bold b',
    ]);
  });
});
