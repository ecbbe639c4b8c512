import { describe, expect, it } from 'vitest';
import { countWords, htmlToText, splitWords } from './text.js';

describe('htmlToText', () => {
  it('separates blocks with newlines and decodes entities', () => {
    expect(htmlToText('<h2>Fish &amp; chips</h2><p>Hot  and\n fresh.</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Fish & chips\nHot and fresh.\na\nb',
    );
  });

  it('ignores script, style and comments', () => {
    expect(htmlToText('<p>x<script>var y</script><style>p{}</style><!-- z --></p>')).toBe('x');
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words containing a letter or digit', () => {
    expect(countWords('Hello, world — it’s 2025 !')).toBe(4);
    expect(splitWords('  a  b ')).toEqual(['a', 'b']);
  });
});
