import { describe, expect, it } from 'vitest';
import { parseSpintax } from '../spintax/parse.js';
import { describeMissingLocationTokens, missingLocationTokens } from './locationTokens.js';

const fragments = [
  '{Best|Top} {Niche} in {City}, {State_Code}',
  '<p>Homes across {{county}} face hail every spring.</p>',
  '<p>Call us in {City} today — {Year}.</p>',
];

describe('missingLocationTokens', () => {
  it('names every place variable, once and in first-use order, when the campaign has no location', () => {
    expect(missingLocationTokens(fragments, { mode: 'none' }).map((m) => m.token)).toEqual([
      '{City}',
      '{State_Code}',
      '{County}',
    ]);
  });

  it('finds nothing missing when a located campaign fills every place variable', () => {
    for (const mode of ['state', 'county', 'city', 'radius'] as const) {
      expect(missingLocationTokens(fragments, { mode, citiesWithoutCounty: 0 }), mode).toEqual([]);
    }
  });

  it('ignores variables that do not come from the place', () => {
    expect(missingLocationTokens(['{Niche} for {Avatar_Name}s in {Year}'], { mode: 'none' })).toEqual([]);
  });

  it('reports {County} when some target cities have no county', () => {
    expect(missingLocationTokens(fragments, { mode: 'radius', citiesWithoutCounty: 2 })).toEqual([
      { token: '{County}', reason: "2 of the campaign's cities have no county" },
    ]);
    expect(missingLocationTokens(['{City} only'], { mode: 'radius', citiesWithoutCounty: 2 })).toEqual([]);
  });

  it('treats extra place-derived variables like the standard ones', () => {
    const texts = ['About {Population} people live in {City}.'];
    expect(missingLocationTokens(texts, { mode: 'none' }).map((m) => m.token)).toEqual(['{City}']);
    expect(
      missingLocationTokens(texts, { mode: 'none', extraLocationVariables: ['population'] }).map(
        (m) => m.token,
      ),
    ).toEqual(['{Population}', '{City}']);
  });

  it('accepts parsed templates and skips texts that do not parse', () => {
    const texts = [parseSpintax('{A|B} {State}'), '{unclosed {City}'];
    expect(missingLocationTokens(texts, { mode: 'none' }).map((m) => m.token)).toEqual(['{State}']);
  });

  it('describes the refusal naming each token and its reason', () => {
    const message = describeMissingLocationTokens(
      missingLocationTokens(['{City}, {State}'], { mode: 'none' }),
    );
    expect(message).toContain('{City} (the campaign has no location: location_mode is "none")');
    expect(message).toContain('{State}');
  });
});
