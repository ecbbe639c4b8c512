import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { normaliseBindings } from './bindings.js';
import { countVariants } from './count.js';
import { parseSpintax } from './parse.js';
import { sampleVariantIndices } from './sample.js';
import { unrankVariant, writeSeededVariant } from './unrank.js';

// An independent model of a template: printed to spintax source, parsed, and compared with a
// brute-force expansion of the model itself, so the parser is under test too.
type ModelNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'variable'; readonly written: string }
  | { readonly kind: 'dictionary'; readonly written: string }
  | { readonly kind: 'choice'; readonly options: readonly ModelNode[][] };

const BINDINGS = { city: 'Austin', state: 'TX', year: '2025' };
const DICTIONARIES = { tone: ['calm', 'bold', 'a {literal|term}'] };

const textArb = fc
  .array(fc.constantFrom('a', 'b', ' ', '{', '}', '|', '\\', '\n'), { minLength: 1, maxLength: 3 })
  .map((chars): ModelNode => ({ kind: 'text', value: chars.join('') }));
const variableArb = fc
  .constantFrom('{City}', '{CITY}', '{{city}}', '{State}', '{year}')
  .map((written): ModelNode => ({ kind: 'variable', written }));
const dictionaryArb = fc
  .constantFrom('{Tone}', '{{TONE}}')
  .map((written): ModelNode => ({ kind: 'dictionary', written }));

const { sequence } = fc.letrec<{ node: ModelNode; sequence: ModelNode[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb,
    variableArb,
    dictionaryArb,
    fc
      .array(tie('sequence'), { minLength: 2, maxLength: 3 })
      .map((options): ModelNode => ({ kind: 'choice', options })),
  ),
  sequence: fc.array(tie('node'), { maxLength: 3 }),
}));

function escapeText(value: string): string {
  return value.replace(/[\\{}|]/g, (ch) => `\\${ch}`);
}

function printNode(node: ModelNode): string {
  switch (node.kind) {
    case 'text':
      return escapeText(node.value);
    case 'variable':
    case 'dictionary':
      return node.written;
    case 'choice':
      return `{${node.options.map(print).join('|')}}`;
  }
}

function print(nodes: readonly ModelNode[]): string {
  return nodes.map(printNode).join('');
}

function expandNode(node: ModelNode): string[] {
  switch (node.kind) {
    case 'text':
      return [node.value];
    case 'variable': {
      const name = node.written.replace(/[{}]/g, '').toLowerCase() as keyof typeof BINDINGS;
      return [BINDINGS[name]];
    }
    case 'dictionary':
      return [...DICTIONARIES.tone];
    case 'choice':
      return node.options.flatMap(expandSequence);
  }
}

function expandSequence(nodes: readonly ModelNode[]): string[] {
  return nodes.reduce<string[]>(
    (prefixes, node) => prefixes.flatMap((prefix) => expandNode(node).map((suffix) => prefix + suffix)),
    [''],
  );
}

describe('spintax properties', () => {
  it('count equals the length of a brute-force expansion of the same grammar', () => {
    fc.assert(
      fc.property(sequence, (model) => {
        const expected = expandSequence(model);
        fc.pre(expected.length <= 5000);
        const template = parseSpintax(print(model), { dictionaries: DICTIONARIES });
        expect(countVariants(template)).toBe(BigInt(expected.length));
      }),
      { numRuns: 300 },
    );
  });

  it('unranking 0..count-1 reproduces the brute-force expansion in the same order', () => {
    fc.assert(
      fc.property(sequence, (model) => {
        const expected = expandSequence(model);
        fc.pre(expected.length <= 2000);
        const template = parseSpintax(print(model), { dictionaries: DICTIONARIES });
        const actual = expected.map((_, i) => unrankVariant(template, BigInt(i), BINDINGS));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('unranks long templates (counts far beyond 2^53, wide and nested groups) digit by digit', () => {
    // A template made of independent parts: variant i is the mixed-radix decoding of i over the
    // parts' own expansions, the last part least significant — the nested-loop order.
    const wide = Array.from({ length: 70 }, (_, i) => `w${i}`);
    const partArb = fc.oneof(
      sequence.map((model) => ({ source: print(model), variants: expandSequence(model) })),
      fc.constant({ source: `{${wide.join('|')}}`, variants: wide }),
    );
    fc.assert(
      fc.property(
        fc.array(partArb, { minLength: 1, maxLength: 40 }),
        fc.bigInt({ min: 0n, max: 1n << 200n }),
        fc.boolean(),
        (parts, seed, nested) => {
          fc.pre(parts.every((part) => part.variants.length > 0 && part.variants.length <= 200));
          const count = parts.reduce((product, part) => product * BigInt(part.variants.length), 1n);
          const body = parts.map((part) => part.source).join('');
          // Nested: the whole body is one option of a group, so the group's count is huge too.
          const template = parseSpintax(nested ? `{${body}|alt}` : body, { dictionaries: DICTIONARIES });
          expect(countVariants(template)).toBe(nested ? count + 1n : count);
          for (const index of [0n, count - 1n, seed % count]) {
            let rest = index;
            const pieces: string[] = [];
            for (let i = parts.length - 1; i >= 0; i -= 1) {
              const variants = (parts[i] as { variants: string[] }).variants;
              pieces.unshift(variants[Number(rest % BigInt(variants.length))] as string);
              rest /= BigInt(variants.length);
            }
            expect(unrankVariant(template, index, BINDINGS)).toBe(pieces.join(''));
          }
          if (nested) expect(unrankVariant(template, count, BINDINGS)).toBe('alt');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes the seeded variant without BigInts exactly as unranking the seeded index does', () => {
    const wide = Array.from({ length: 70 }, (_, i) => `w${i}`);
    const partArb = fc.oneof(
      sequence.map(print),
      fc.constant(`{${wide.join('|')}}`),
      fc.constant('{a|b|c|d|e|f|g|h|i|j}'.repeat(12)), // one part of 10^12 variants: a lone big chunk
    );
    const values = normaliseBindings(BINDINGS);
    fc.assert(
      fc.property(fc.array(partArb, { maxLength: 30 }), fc.string(), fc.boolean(), (parts, seed, nested) => {
        const body = parts.join('');
        const template = parseSpintax(nested ? `{${body}|alt}` : body, { dictionaries: DICTIONARIES });
        const count = countVariants(template);
        fc.pre(count > 0n);
        const out: string[] = ['before'];
        writeSeededVariant(template, seed, values, false, out);
        expect(out.join('')).toBe(
          `before${unrankVariant(template, createRng(seed).nextBigInt(count), BINDINGS)}`,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('seeded sampling never repeats an index and stays inside the range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat(300), fc.string(), (count, k, seed) => {
        const sample = sampleVariantIndices(count, k, seed);
        expect(sample.length).toBe(Number(count < BigInt(k) ? count : BigInt(k)));
        expect(new Set(sample).size).toBe(sample.length);
        for (const index of sample) expect(index >= 0n && index < count).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('seeded sampling is stable for a seed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.nat(50), fc.string(), (count, k, seed) => {
        expect(sampleVariantIndices(count, k, seed)).toEqual(sampleVariantIndices(count, k, seed));
      }),
    );
  });

  it('sampling the whole of a small space returns every index exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.string(), (size, seed) => {
        const sample = sampleVariantIndices(BigInt(size), size, seed);
        expect([...sample].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(
          Array.from({ length: size }, (_, i) => BigInt(i)),
        );
      }),
      { numRuns: 50 },
    );
  });
});
