import { describe, expect, it } from 'vitest';
import { conversionBodySchema, eventBodySchema, pageviewBodySchema } from './tracking.js';

describe('tracking body schemas', () => {
  it('accept a minimal pageview and reject unknown fields', () => {
    expect(pageviewBodySchema.safeParse({ url: 'http://a.test/' }).success).toBe(true);
    expect(pageviewBodySchema.safeParse({ url: 'http://a.test/', site_id: 'x' }).success).toBe(false);
  });

  it('bound event props: count, key shape, value length, formula prefixes', () => {
    const props = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]));
    expect(eventBodySchema.safeParse({ url: 'http://a.test/', name: 'x', props }).success).toBe(false);
    expect(eventBodySchema.safeParse({ url: 'http://a.test/', name: 'x', props: { 'a b': 1 } }).success).toBe(
      false,
    );
    expect(
      eventBodySchema.safeParse({ url: 'http://a.test/', name: 'x', props: { a: 'y'.repeat(201) } }).success,
    ).toBe(false);
    expect(eventBodySchema.safeParse({ url: 'http://a.test/', name: '=HYPERLINK("x")' }).success).toBe(false);
    expect(
      eventBodySchema.safeParse({ url: 'http://a.test/', name: 'cta', props: { a: '@x' } }).success,
    ).toBe(false);
    expect(
      eventBodySchema.safeParse({
        url: 'http://a.test/',
        name: 'cta',
        props: { plan: 'pro', n: 2, ok: true },
      }).success,
    ).toBe(true);
  });

  it('require a currency with a conversion value and keep values in range', () => {
    const base = { url: 'http://a.test/', type: 'purchase' };
    expect(conversionBodySchema.safeParse({ ...base, value: 10 }).success).toBe(false);
    expect(conversionBodySchema.safeParse({ ...base, value: -1, currency: 'USD' }).success).toBe(false);
    expect(conversionBodySchema.safeParse({ ...base, value: 19.99, currency: 'USD' }).success).toBe(true);
    expect(conversionBodySchema.safeParse({ ...base, type: 'refund' }).success).toBe(false);
  });
});
