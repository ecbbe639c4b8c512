import { describe, expect, it } from 'vitest';
import { checkArticleQuality } from './qualityGates.js';

describe('checkArticleQuality', () => {
  it('passes a clean article that meets the word target', () => {
    expect(
      checkArticleQuality({ title: 'T', html: '<p>x</p>', wordCount: 100, targetWordCount: 100 }),
    ).toEqual({
      failures: [],
      flags: [],
    });
  });

  it('fails an item with unresolved tokens in the title or body and names them', () => {
    const verdict = checkArticleQuality({
      title: 'In {City}',
      html: '<p>{Zip} {a|b}</p>',
      wordCount: 100,
      targetWordCount: 100,
    });
    expect(verdict.failures).toEqual([
      { code: 'UNRESOLVED_TOKEN', message: 'Unresolved tokens: {City}, {Zip}, {a|b}' },
    ]);
  });

  it('flags articles below 60% of the target as short', () => {
    expect(checkArticleQuality({ title: 'T', html: '', wordCount: 59, targetWordCount: 100 }).flags).toEqual([
      'short',
    ]);
    expect(checkArticleQuality({ title: 'T', html: '', wordCount: 60, targetWordCount: 100 }).flags).toEqual(
      [],
    );
  });

  it('fails empty articles and missing fragment types', () => {
    const verdict = checkArticleQuality({
      title: 'T',
      html: '',
      wordCount: 0,
      targetWordCount: 10,
      missingTypes: ['faq'],
    });
    expect(verdict.failures.map((f) => f.code)).toEqual(['MISSING_FRAGMENT_TYPE', 'EMPTY_CONTENT']);
  });
});
