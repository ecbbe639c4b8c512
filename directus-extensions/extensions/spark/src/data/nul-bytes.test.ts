import { describe, expect, it } from 'vitest';
import { findNulByte } from './nul-bytes.js';

describe('findNulByte', () => {
  it('names the field whose text carries a NUL, at any depth of JSON', () => {
    expect(findNulByte({ title: 'a\u0000b' })).toBe('title');
    expect(findNulByte({ blocks: [{ data: { html: 'x\u0000' } }] })).toBe('blocks.0.data.html');
    expect(findNulByte({ settings: { 'k\u0000': 1 } })).toBe('settings.(key)');
  });

  it('passes clean payloads, numbers, nulls and the escaped text "\\\\u0000"', () => {
    expect(findNulByte({ title: 'clean', n: 1, empty: null, tags: ['a'], text: '\\u0000' })).toBeUndefined();
  });
});
