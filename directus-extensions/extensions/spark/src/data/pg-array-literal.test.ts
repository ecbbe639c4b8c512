import { describe, expect, it } from 'vitest';
import { toPgArrayLiteral } from './pg-array-literal.js';

describe('toPgArrayLiteral', () => {
  it('quotes every element so separators inside values survive', () => {
    expect(toPgArrayLiteral(['a.localhost', 'b,c', 'x{y}'])).toBe('{"a.localhost","b,c","x{y}"}');
  });

  it('escapes quotes and backslashes and keeps nulls', () => {
    expect(toPgArrayLiteral(['say "hi"', 'back\\slash', null])).toBe('{"say \\"hi\\"","back\\\\slash",NULL}');
  });

  it('writes an empty list as an empty array', () => {
    expect(toPgArrayLiteral([])).toBe('{}');
  });
});
