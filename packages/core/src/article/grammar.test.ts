import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpintax } from '../spintax/parse.js';
import { unrankVariant } from '../spintax/unrank.js';
import { polishProse, startsWithVowelSound } from './grammar.js';

const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('startsWithVowelSound', () => {
  it.each([
    ['experienced', true],
    ['honest', true],
    ['hour-long', true],
    ['FAQ', true],
    ['HVAC', true],
    ['X-ray', true],
    ['8-point', true],
    ['11-step', true],
    ['18,500', true],
    ['uninsured', true],
    ['urgent', true],
    ['unique', false],
    ['useful', false],
    ['one-day', false],
    ['European', false],
    ['reliable', false],
    ['house', false],
    ['US-based', false],
    ['1,200', false],
    ['100', false],
  ])('%s → %s', (word, expected) => {
    expect(startsWithVowelSound(word)).toBe(expected);
  });
});

describe('polishProse', () => {
  it('makes the article agree with the sound of the next word, keeping its case', () => {
    expect(polishProse('<p>Hire a experienced crew, an reliable one and a honest estimator.</p>')).toBe(
      '<p>Hire an experienced crew, a reliable one and an honest estimator.</p>',
    );
    expect(polishProse('<p>A experienced crew. An local crew.</p>')).toBe(
      '<p>An experienced crew. A local crew.</p>',
    );
  });

  it('agrees across an inline tag and leaves a capital letter that is not the article alone', () => {
    expect(polishProse('<p>Ask for a <strong>itemised</strong> quote.</p>')).toBe(
      '<p>Ask for an <strong>itemised</strong> quote.</p>',
    );
    expect(polishProse('<p>We rate it Plan A Approved.</p>')).toBe('<p>We rate it Plan A Approved.</p>');
  });

  it('capitalises the first letter of every block and sentence, not words after other punctuation', () => {
    expect(polishProse('<h2>questions</h2><p>is it safe? usually, yes. <em>most</em> jobs: fine.</p>')).toBe(
      '<h2>Questions</h2><p>Is it safe? Usually, yes. <em>Most</em> jobs: fine.</p>',
    );
    expect(polishProse('<ul><li>one</li><li>two</li></ul>')).toBe('<ul><li>One</li><li>Two</li></ul>');
  });

  it('drops the second of two identical adjacent words but keeps grammatical doubles', () => {
    expect(polishProse('<p>Call the the crew, The the office or had had enough.</p>')).toBe(
      '<p>Call the crew, The office or had had enough.</p>',
    );
    expect(polishProse('<p>Roofs roofs in <a href="/x">Austin</a> Austin.</p>')).toBe(
      '<p>Roofs in <a href="/x">Austin</a>.</p>',
    );
  });

  it('removes double spaces, spaces before punctuation and doubled punctuation', () => {
    expect(polishProse('<p> We  reply fast , really ..  Call now!. Or not,, ok , .</p>')).toBe(
      '<p>We reply fast, really. Call now! Or not, ok.</p>',
    );
    expect(polishProse('<p>Wait... then go.</p>')).toBe('<p>Wait... then go.</p>');
  });

  it('never changes a tag or its attributes', () => {
    const html = '<p><a href="/a an  a the the?..">a  apple</a></p>';
    expect(polishProse(html)).toBe('<p><a href="/a an  a the the?..">An apple</a></p>');
  });

  it('repairs what spinning produces: an empty option, a vowel after "a", a lower-case start', () => {
    const template = parseSpintax('<p>{|we are} a {experienced|trusted} {|local} crew {|.}</p>');
    const outputs = [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n].map((index) =>
      polishProse(unrankVariant(template, index)),
    );
    for (const output of outputs) {
      expect(output).not.toMatch(/\ba experienced|\ban trusted| {2}| \.|\.\.|<p>[a-z]/);
    }
    expect(outputs).toContain('<p>An experienced local crew.</p>');
  });

  const pieces = fc.constantFrom(
    'a',
    'an',
    'A',
    'the',
    'The',
    'apple',
    'honest',
    'roof',
    'unique',
    'FAQ',
    ' ',
    '  ',
    '.',
    ',',
    '?',
    '!',
    '<p>',
    '</p>',
    '<strong>',
    '</strong>',
    '<a href="/x y">',
    '</a>',
    '\n',
  );
  const htmlArb = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const once = polishProse(html);
        expect(polishProse(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every tag, in order', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        expect(tagsOf(polishProse(html))).toEqual(tagsOf(html));
      }),
    );
  });

  it('leaves no "a" before a vowel-sound word, no double space and no space before a full stop', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const text = polishProse(html).replace(/<[^>]*>/g, '');
        expect(text).not.toMatch(/(^|[^\p{L}'&#-])a (apple|honest|FAQ)\b/u);
        expect(text).not.toMatch(/ {2}| \./);
      }),
    );
  });
});
