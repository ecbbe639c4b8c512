import { describe, expect, it } from 'vitest';
import { GeographyModeSchema } from './index.js';

describe('SPARK_GEOGRAPHY', () => {
  it('defaults to the full gazetteer when unset or empty', () => {
    expect(GeographyModeSchema.parse(undefined)).toBe('full');
    expect(GeographyModeSchema.parse('')).toBe('full');
  });

  it('accepts the three modes and refuses anything else', () => {
    for (const mode of ['full', 'subset', 'none']) expect(GeographyModeSchema.parse(mode)).toBe(mode);
    expect(GeographyModeSchema.safeParse('demo').success).toBe(false);
    expect(GeographyModeSchema.safeParse('FULL').success).toBe(false);
  });
});
