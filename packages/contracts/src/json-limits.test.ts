import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, findNulCharacter } from './json-limits.js';

const nest = (levels: number): unknown => (levels <= 1 ? 1 : { a: nest(levels - 1) });

describe('exceedsJsonDepth', () => {
  it('accepts values up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nest(32), 32)).toBe(false);
    expect(exceedsJsonDepth(nest(33), 32)).toBe(true);
  });

  it('counts arrays as levels and scalars as one', () => {
    expect(exceedsJsonDepth([[[1]]], 3)).toBe(true);
    expect(exceedsJsonDepth('text', 1)).toBe(false);
  });

  it('handles nesting far deeper than the call stack would allow', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(exceedsJsonDepth(value)).toBe(true);
  });
});

describe('findNulCharacter', () => {
  it('names the path of the first value or key holding U+0000', () => {
    expect(findNulCharacter({ fields: { email: 'a\u0000b' } })).toBe('fields.email');
    expect(findNulCharacter({ list: ['ok', 'x\u0000'] })).toBe('list.1');
    expect(findNulCharacter({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(findNulCharacter('\u0000')).toBe('(root)');
  });

  it('passes text without NUL, including other control characters and the escaped form', () => {
    expect(findNulCharacter({ a: 'line\nbreak\ttab\u0001', b: '\\u0000', c: [1, true, null] })).toBeNull();
  });
});
