import { parseSpintax } from '@spark/core';
import { describe, expect, it } from 'vitest';
import { type HighlightSpan, spintaxHighlights } from './spintax-highlight.js';

const kinds = (spans: HighlightSpan[]) => spans.map((span) => [span.kind, span.text]);

describe('spintaxHighlights', () => {
  it('marks groups (with everything inside them), variables and plain text', () => {
    expect(kinds(spintaxHighlights('{Best|Top} {Niche} in {City}'))).toEqual([
      ['group', '{'],
      ['group', 'Best'],
      ['group', '|'],
      ['group', 'Top'],
      ['group', '}'],
      ['text', ' '],
      ['variable', '{Niche}'],
      ['text', ' in '],
      ['variable', '{City}'],
    ]);
  });

  it('agrees with the engine on the edge cases: {{Name}}, {New York}, escapes and variables inside groups', () => {
    const source = '{{CITY}} {New York} \\{x\\} {a|{City}}';
    expect(() => parseSpintax(source)).not.toThrow();
    expect(kinds(spintaxHighlights(source))).toEqual([
      ['variable', '{{CITY}}'],
      ['text', ' '],
      ['group', '{'],
      ['group', 'New York'],
      ['group', '}'],
      ['text', ' '],
      ['escape', '\\{'],
      ['text', 'x'],
      ['escape', '\\}'],
      ['text', ' '],
      ['group', '{'],
      ['group', 'a'],
      ['group', '|'],
      ['variable', '{City}'],
      ['group', '}'],
    ]);
  });

  it('leaves an unpaired brace as text and marks the error at its line and column', () => {
    const spans = spintaxHighlights('{a|b} ok\nTop {Roofing in {City}', [{ line: 2, column: 5 }]);
    expect(spans.filter((span) => span.error)).toEqual([{ kind: 'text', text: '{', error: true }]);
    expect(spans.map((span) => span.text).join('')).toBe('{a|b} ok\nTop {Roofing in {City}');
    expect(spans.find((span) => span.text === 'Roofing in ')?.kind).toBe('text');
  });

  it('marks an error past the end of a line with a space, keeping the text otherwise intact', () => {
    const source = 'Best {Niche\nnext';
    const spans = spintaxHighlights(source, [{ line: 1, column: 12 }]);
    expect(spans.filter((span) => span.error).map((span) => span.text)).toEqual([' ']);
    expect(spans.map((span) => span.text).join('')).toBe('Best {Niche \nnext');
  });

  it('keeps a trailing backslash (a scan error) as text instead of throwing', () => {
    expect(kinds(spintaxHighlights('{City} costs \\'))).toEqual([
      ['variable', '{City}'],
      ['text', ' costs \\'],
    ]);
  });
});
