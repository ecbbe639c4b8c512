import { ALLOWED_ELEMENTS } from '@spark/core';
import { describe, expect, it } from 'vitest';
import { proseSelectorCanMatch, SANITISED_ELEMENTS } from '../../build/sanitised-prose.mjs';

const NOT_PROSE = ':not(:where([class~=not-prose],[class~=not-prose] *))';

describe('the prose trim of the tenant stylesheet', () => {
  it('knows exactly the elements the sanitiser lets through', () => {
    expect([...SANITISED_ELEMENTS].sort()).toEqual([...ALLOWED_ELEMENTS].sort());
  });

  it.each([
    '.prose :where(p)',
    '.prose :where(a strong)',
    '.prose :where(ol[type=A s])',
    '.prose :where(ol>li)::marker',
    '.prose :where(blockquote p:first-of-type):before',
    '.prose :where(.prose>ul>li>p:first-child)',
    '.prose-lg :where(h2+*)',
    '.prose-lg :where(ul ul,ul ol,ol ul,ol ol)',
  ])('keeps %s, which sanitised content can match', (selector) => {
    expect(proseSelectorCanMatch(selector + NOT_PROSE)).toBe(true);
  });

  it.each([
    '.prose :where(img)',
    '.prose :where(code):before',
    '.prose :where(pre code)',
    '.prose :where(thead th)',
    '.prose :where(h1)',
    '.prose :where(a code)',
    '.prose :where([class~=lead])',
    '.prose-lg :where(figure>*)',
  ])('drops %s, which sanitised content can never match', (selector) => {
    expect(proseSelectorCanMatch(selector + NOT_PROSE)).toBe(false);
  });

  it.each([
    '.prose',
    '.prose-lg',
    '.prose-a\\:text-primary :is(:where(a))',
    '.text-ink',
    '.prose-headings\\:font-display :is(:where(h1,h2,th))',
  ])('leaves %s alone: it is not an element rule', (selector) => {
    expect(proseSelectorCanMatch(selector)).toBe(true);
  });
});
