import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './json-limits.js';

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
