import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../html/entities.js';
import { type HtmlToken, tokenizeHtml } from '../html/tokenize.js';
import { type AnchorCandidate, countWordsIn, findAnchorMatches } from './anchorMatches.js';

/**
 * The definition the fast paths must agree with (and the order they list matches in): every token outside headings and links searched with the
 * phrase's case-insensitive, whole-word regular expression (Unicode case folding, any whitespace between words).
 */
function referenceMatches(tokens: readonly HtmlToken[], candidates: readonly AnchorCandidate<string>[]) {
  const found: { target: string; phrase: string; start: number; end: number }[] = [];
  let headings = 0;
  let anchors = 0;
  for (const token of tokens) {
    if (token.type === 'startTag' || token.type === 'endTag') {
      const step = token.type === 'startTag' ? 1 : -1;
      if (/^h[1-6]$/.test(token.name)) headings = Math.max(0, headings + step);
      if (token.name === 'a') anchors = Math.max(0, anchors + step);
      continue;
    }
    if (token.type !== 'text' || headings > 0 || anchors > 0) continue;
    for (const candidate of candidates) {
      for (const phrase of candidate.phrases) {
        const words = escapeHtml(phrase.trim())
          .split(/\s+/)
          .filter((word) => word !== '');
        if (words.length === 0) continue;
        const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
        for (const match of token.raw.matchAll(
          new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu'),
        ))
          found.push({
            target: candidate.target,
            phrase,
            start: token.start + match.index,
            end: token.start + match.index + match[0].length,
          });
      }
    }
  }
  return found;
}

const PHRASES = [
  'Round Rock',
  'round rock, TX',
  'Barnes & Noble',
  'keller',
  'a-b',
  'x1 2',
  'Café Oslo',
  'rock',
  '  ',
];
const FRAGMENTS = [
  'Round',
  'ROUND',
  'rock',
  'Rock,',
  'TX',
  'tx.',
  'Rocks',
  'Barnes',
  '&amp;',
  'Noble',
  '\u212Aeller',
  'Keller',
  'kellers',
  'a-b',
  'a-bc',
  'xa-b',
  'x1',
  '2',
  '12',
  'Café',
  'CAFÉ',
  'Oslo',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  ',',
  '<p>',
  '</p>',
  '<h2>',
  '</h2>',
  '<a href="/x">',
  '</a>',
  '<em>',
  '<em title="round rock">',
  '<!-- rock -->',
  '<script>rock</script>',
  '</em>',
];

describe('findAnchorMatches', () => {
  it('finds exactly what the whole-word regular expression finds, in ASCII and non-ASCII text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }),
        fc.array(fc.constantFrom(' ', ''), { maxLength: 40 }),
        fc.uniqueArray(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 4 }),
        (parts, gaps, phrases) => {
          const html = parts.map((part, i) => part + (gaps[i] ?? ' ')).join('');
          const tokens = tokenizeHtml(html);
          const candidates = phrases.map((phrase, i) => ({
            target: `t${i}`,
            url: `/t${i}`,
            phrases: [phrase, ...(i === 0 ? ['rock'] : [])],
          }));
          const found = findAnchorMatches(html, tokens, candidates).map(({ target, phrase, start, end }) => ({
            target,
            phrase,
            start,
            end,
          }));
          // The same matches in the same order: by token, then by candidate phrase, then by offset.
          expect(found).toEqual(referenceMatches(tokens, candidates));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds a phrase whose words the article holds only in part nowhere, and a whole one everywhere', () => {
    const html = '<p>Round the rock.</p><p>Rock, round rock and ROUND\tROCK.</p>';
    const found = findAnchorMatches(html, tokenizeHtml(html), [
      { target: 'city', url: '/round-rock', phrases: ['Round Rock'] },
      { target: 'title', url: '/roofing', phrases: ['Round Rock Roofing'] },
    ]);
    expect(found.map((match) => [match.target, match.start, html.slice(match.start, match.end)])).toEqual([
      ['city', 31, 'round rock'],
      ['city', 46, 'ROUND\tROCK'],
    ]);
  });
});

describe('countWordsIn', () => {
  it('counts what the Unicode word pattern counts: runs of letters and digits', () => {
    const characters = fc.constantFrom(..."ab Z09_-.,'&;<>\t\né€ß1".split(''), 'K', 'ſ');
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(countWordsIn(text)).toBe(text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
      }),
      { numRuns: 3000 },
    );
  });
});
