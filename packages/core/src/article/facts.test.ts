import { describe, expect, it } from 'vitest';
import { buildArticleBindings } from './bindings.js';
import {
  audienceNoun,
  formatPhone,
  formatPopulation,
  joinEnglishList,
  PLACE_FACT_VARIABLES,
  pluralise,
} from './facts.js';
import { missingLocationTokens } from './locationTokens.js';

describe('place and business facts', () => {
  it('groups populations in threes', () => {
    expect(formatPopulation(961855)).toBe('961,855');
    expect(formatPopulation(1000)).toBe('1,000');
    expect(formatPopulation(999)).toBe('999');
    expect(formatPopulation(2304580)).toBe('2,304,580');
  });

  it('joins nearby places as English lists', () => {
    expect(joinEnglishList([])).toBe('');
    expect(joinEnglishList(['Round Rock'])).toBe('Round Rock');
    expect(joinEnglishList(['Round Rock', 'Cedar Park'])).toBe('Round Rock and Cedar Park');
    expect(joinEnglishList(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('formats North American numbers for reading and for tel: links, and leaves others as written', () => {
    expect(formatPhone('+1-512-555-0142')).toEqual({ display: '(512) 555-0142', href: '+15125550142' });
    expect(formatPhone('919.555.0187')).toEqual({ display: '(919) 555-0187', href: '+19195550187' });
    expect(formatPhone('+44 20 7946 0958')).toEqual({ display: '+44 20 7946 0958', href: '+442079460958' });
  });

  it('writes audience names for mid-sentence use, in the singular and plural', () => {
    expect(audienceNoun('Storm-Hit Homeowner')).toBe('storm-hit homeowner');
    expect(audienceNoun('HOA Board Member')).toBe('HOA board member');
    expect(pluralise('busy parent')).toBe('busy parents');
    expect(pluralise('young family')).toBe('young families');
    expect(pluralise('church')).toBe('churches');
  });

  it('binds the facts under their variable names and leaves missing ones unbound', () => {
    const bindings = buildArticleBindings({
      location: {
        city: 'Austin',
        county: 'Travis County',
        population: 961855,
        nearbyCities: ['A', 'B', 'C'],
      },
      avatarName: 'Aging-Roof Owner',
      business: {
        name: 'Alpha Roofing',
        phone: '+1-512-555-0142',
        serviceArea: 'Central Texas',
        contactPath: '/contact',
      },
      now: new Date(0),
    });
    expect(bindings).toMatchObject({
      population: '961,855',
      nearby_cities: 'A, B and C',
      audience: 'aging-roof owner',
      audience_plural: 'aging-roof owners',
      business_name: 'Alpha Roofing',
      phone: '(512) 555-0142',
      phone_href: '+15125550142',
      service_area: 'Central Texas',
      contact_path: '/contact',
    });
    expect(bindings.license).toBeUndefined();
    const bare = buildArticleBindings({ location: { city: 'Austin', nearbyCities: [] }, now: new Date(0) });
    expect([bare.population, bare.nearby_cities, bare.phone, bare.audience]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('names the place facts among the variables a campaign without a location cannot fill', () => {
    const missing = missingLocationTokens(['<p>{Population} people near {Nearby_Cities}</p>'], {
      mode: 'none',
      extraLocationVariables: PLACE_FACT_VARIABLES,
    });
    expect(missing.map((m) => m.token)).toEqual(['{Population}', '{Nearby_Cities}']);
  });
});
