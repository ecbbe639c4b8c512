import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from './tokenize.js';

describe('tokenizeHtml', () => {
  it('reads quoted, unquoted and valueless attributes with lower-cased names', () => {
    const [tag] = tokenizeHtml(`<A HREF="/x" data-a='1' b=2 hidden>`);
    expect(tag).toMatchObject({
      type: 'startTag',
      name: 'a',
      attributes: [
        { name: 'href', value: '/x' },
        { name: 'data-a', value: '1' },
        { name: 'b', value: '2' },
        { name: 'hidden', value: '' },
      ],
    });
  });

  it('keeps offsets that slice back to the source', () => {
    const source = 'ab<p>cd</p>';
    const tokens = tokenizeHtml(source);
    expect(tokens.map((token) => source.slice(token.start, token.end))).toEqual(['ab', '<p>', 'cd', '</p>']);
  });

  it('treats a lone < as text', () => {
    expect(tokenizeHtml('1 < 2')).toEqual([{ type: 'text', raw: '1 < 2', start: 0, end: 5 }]);
  });

  it('reads script bodies as one raw token up to the real end tag', () => {
    const types = tokenizeHtml('<script>if (a<b) "</p>"</script>x').map((token) => token.type);
    expect(types).toEqual(['startTag', 'rawText', 'endTag', 'text']);
  });

  it('notes self-closing tags', () => {
    expect(tokenizeHtml('<br/>')[0]).toMatchObject({ type: 'startTag', name: 'br', selfClosing: true });
  });

  it('ends tag names at HTML whitespace only, attribute names at any JavaScript whitespace', () => {
    const startTags = (html: string) =>
      tokenizeHtml(html).flatMap((token) =>
        token.type === 'startTag' ? [[token.name, token.attributes]] : [],
      );
    expect(startTags('<a\u00a0href="/y">x</a>')).toEqual([['a\u00a0href="', [{ name: 'y"', value: '' }]]]);
    expect(startTags('<p\vclass=a>')).toEqual([['p\vclass=a', []]]);
    expect(startTags('<a href="/z"\u00a0title=t>')).toEqual([
      [
        'a',
        [
          { name: 'href', value: '/z' },
          { name: '\u00a0title', value: 't' },
        ],
      ],
    ]);
    expect(startTags('<a\thref=/w\vx>')).toEqual([['a', [{ name: 'href', value: '/w\vx' }]]]);
  });
});
