import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countVariants } from '../spintax/count.js';
import { parseSpintax } from '../spintax/parse.js';
import { unrankVariant } from '../spintax/unrank.js';
import { createCartesianSpace } from './cartesianSpace.js';

const entities = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));

describe('createCartesianSpace', () => {
  it('knows the exact total up front as patterns variants × locations × avatars × niches', () => {
    const space = createCartesianSpace({
      campaignId: 'c1',
      patterns: [
        { id: 'p0', variantCount: 10n ** 20n },
        { id: 'p1', variantCount: 3n },
      ],
      locations: entities('l', 1000),
      avatars: entities('a', 4),
      niches: entities('n', 2),
    });
    expect(space.total).toBe((10n ** 20n + 3n) * 8000n);
  });

  it('has zero items when a dimension is present but empty', () => {
    const space = createCartesianSpace({
      campaignId: 'c',
      patterns: [{ id: 'p', variantCount: 5n }],
      locations: [],
    });
    expect(space.total).toBe(0n);
    expect([...space.items()]).toEqual([]);
  });

  it('carries null for absent dimensions and marks them in the generation key', () => {
    const space = createCartesianSpace({
      campaignId: 'c',
      patterns: [{ id: 'p', variantCount: 1n }],
      variantOrder: 'sequential',
    });
    expect(space.itemAt(0n)).toEqual({
      index: 0n,
      patternIndex: 0,
      patternId: 'p',
      variantIndex: 0n,
      location: null,
      avatar: null,
      niche: null,
      generationKey: 'c:p:-:-:-:0',
    });
  });

  it('gives every location a different headline slot within the first pass', () => {
    const space = createCartesianSpace({
      campaignId: 'c',
      patterns: [
        { id: 'p0', variantCount: 100n },
        { id: 'p1', variantCount: 100n },
      ],
      locations: entities('l', 10),
    });
    const firstPass = [...space.items(0n, 10)];
    expect(new Set(firstPass.map((item) => item.location?.id)).size).toBe(10);
    expect(new Set(firstPass.map((item) => `${item.patternId}:${item.variantIndex}`)).size).toBe(10);
    expect(new Set(firstPass.map((item) => item.patternId))).toEqual(new Set(['p0', 'p1']));
  });

  it('enumerates exactly the brute-force product, each tuple once, with unique generation keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
        fc.constantFrom('shuffled' as const, 'sequential' as const),
        (variantCounts, locationCount, avatarCount, nicheCount, variantOrder) => {
          const space = createCartesianSpace({
            campaignId: 'camp',
            patterns: variantCounts.map((count, i) => ({ id: `p${i}`, variantCount: BigInt(count) })),
            locations: entities('l', locationCount),
            avatars: entities('a', avatarCount),
            niches: nicheCount === undefined ? undefined : entities('n', nicheCount),
            variantOrder,
          });
          const expected = new Set<string>();
          variantCounts.forEach((count, p) => {
            for (let v = 0; v < count; v += 1) {
              for (let l = 0; l < locationCount; l += 1) {
                for (let a = 0; a < avatarCount; a += 1) {
                  for (let n = 0; n < (nicheCount ?? 1); n += 1) {
                    expected.add(`camp:p${p}:l${l}:a${a}:${nicheCount === undefined ? '-' : `n${n}`}:${v}`);
                  }
                }
              }
            }
          });
          const keys = [...space.items()].map((item) => item.generationKey);
          expect(space.total).toBe(BigInt(expected.size));
          expect(keys).toHaveLength(expected.size);
          expect(new Set(keys)).toEqual(expected);
        },
      ),
    );
  });

  it('pages with offset and limit as slices of the full enumeration', () => {
    const space = createCartesianSpace({
      campaignId: 'c',
      patterns: [
        { id: 'p0', variantCount: 3n },
        { id: 'p1', variantCount: 2n },
      ],
      locations: entities('l', 3),
      avatars: entities('a', 2),
    });
    const all = [...space.items()];
    expect([...space.items(7n, 5)]).toEqual(all.slice(7, 12));
    expect([...space.items(28n, 100)]).toEqual(all.slice(28));
  });

  it('reaches items far beyond 2^53 directly', () => {
    const space = createCartesianSpace({
      campaignId: 'c',
      patterns: [{ id: 'p', variantCount: 10n ** 30n }],
      locations: entities('l', 3),
    });
    const item = space.itemAt(space.total - 1n);
    expect(item.variantIndex < 10n ** 30n).toBe(true);
    expect(item.location?.id).toBe('l2');
  });

  it('produces the same items for the same inputs (stable idempotency keys)', () => {
    const build = () =>
      createCartesianSpace({
        campaignId: 'c',
        patterns: [{ id: 'p', variantCount: 10n ** 12n }],
        locations: entities('l', 5),
      });
    expect([...build().items(100n, 20)]).toEqual([...build().items(100n, 20)]);
  });

  it('feeds unrankVariant to render a headline per item', () => {
    const pattern = parseSpintax('{Best|Top} plumbers in {City}');
    const locations = [
      { id: 'austin', city: 'Austin' },
      { id: 'dallas', city: 'Dallas' },
    ];
    const space = createCartesianSpace({
      campaignId: 'c',
      patterns: [{ id: 'p', variantCount: countVariants(pattern) }],
      locations,
    });
    const headlines = [...space.items()].map((item) =>
      unrankVariant(pattern, item.variantIndex, { city: item.location?.city }),
    );
    expect(new Set(headlines)).toEqual(
      new Set([
        'Best plumbers in Austin',
        'Top plumbers in Austin',
        'Best plumbers in Dallas',
        'Top plumbers in Dallas',
      ]),
    );
  });

  it('rejects out-of-range indices and negative offsets', () => {
    const space = createCartesianSpace({ campaignId: 'c', patterns: [{ id: 'p', variantCount: 2n }] });
    expect(() => space.itemAt(2n)).toThrow(RangeError);
    expect(() => space.items(-1n).next()).toThrow(RangeError);
  });
});
