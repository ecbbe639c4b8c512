import { describe, expect, it } from 'vitest';
import { findBlockProblem } from './block-rules.js';

describe('findBlockProblem', () => {
  it('accepts valid blocks', () => {
    expect(
      findBlockProblem('blocks', [
        { type: 'hero', heading: 'Roof repair' },
        { type: 'rich_text', html: '<p>Hello</p>' },
      ]),
    ).toBeUndefined();
  });

  it('names the block position, its type and the missing field', () => {
    const problem = findBlockProblem('blocks', [
      { type: 'rich_text', html: '<p>ok</p>' },
      { type: 'hero', eyebrow: 'No heading' },
    ]);
    expect(problem).toMatch(/^blocks: block 2 \(hero\), field "heading": /);
  });

  it('names a misspelt field instead of dropping the block', () => {
    expect(findBlockProblem('blocks', [{ type: 'hero', heading: 'Hi', subheadline: 'typo' }])).toBe(
      'blocks: block 1 (hero) has a field it does not know: subheadline',
    );
  });

  it('names an unknown block type and the known ones', () => {
    const problem = findBlockProblem('blocks', [{ type: 'heroo', heading: 'Hi' }]);
    expect(problem).toContain('block 1 has an unknown type "heroo"');
    expect(problem).toContain('hero, rich_text');
  });

  it('points into nested lists', () => {
    const problem = findBlockProblem('blocks', [{ type: 'faq', items: [{ question: 'Why?' }] }]);
    expect(problem).toMatch(/block 1 \(faq\), field "items\[0\]\.answer"/);
  });

  it('refuses a value that is not a list', () => {
    expect(findBlockProblem('blocks', { type: 'hero' })).toMatch(/must be a list of blocks/);
  });
});
