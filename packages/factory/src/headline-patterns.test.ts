import { describe, expect, it } from 'vitest';
import { parseHeadlinePatterns, requireValidHeadlines } from './headline-patterns.js';
import { exactCount } from './headlines.js';

describe('headline patterns', () => {
  it('makes one pattern per non-blank line, with ids that follow the text and not the line number', () => {
    const first = parseHeadlinePatterns('{Best|Top} {Niche}\n\n{Niche} in {City}', {}, {});
    expect(first.issues).toEqual([]);
    expect(first.patterns.map((p) => [p.line, p.variantCount])).toEqual([
      [1, 2n],
      [3, 1n],
    ]);
    const swapped = parseHeadlinePatterns('{Niche} in {City}\n{Best|Top} {Niche}', {}, {});
    expect(swapped.patterns.map((p) => p.id)).toEqual([first.patterns[1]?.id, first.patterns[0]?.id]);
  });

  it('reports syntax errors and unknown variables with the line and column in the whole text', () => {
    const { issues } = parseHeadlinePatterns('{Niche} in {City}\nBest {Roofers|Crews\nTop {Zip}', {}, {});
    expect(issues).toMatchObject([
      { code: 'SPINTAX_SYNTAX', line: 2, column: 6 },
      { code: 'UNKNOWN_VARIABLE', line: 3, column: 5 },
    ]);
    expect(issues[1]?.message).toContain('Unknown variable {Zip} (line 3, column 5)');
  });

  it('accepts niche variables and dictionary categories as known names', () => {
    const patterns = requireValidHeadlines(
      '{Service} by {Roofer_Synonym}',
      { Service: 'Repair' },
      { roofer_synonym: ['pros'] },
    );
    expect(patterns[0]?.variantCount).toBe(1n);
  });

  it('refuses a root with no pattern at all', () => {
    expect(() => requireValidHeadlines(' \n ', {}, {})).toThrow(/at least one headline pattern/);
  });
});

describe('exactCount', () => {
  it('is a number up to 2^53 - 1 and an exact decimal string beyond', () => {
    expect(exactCount(9_007_199_254_740_991n)).toBe(9_007_199_254_740_991);
    expect(exactCount(9_007_199_254_740_992n)).toBe('9007199254740992');
  });
});
