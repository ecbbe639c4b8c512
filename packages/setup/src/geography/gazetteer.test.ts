import { describe, expect, it } from 'vitest';
import {
  type AdminDivision,
  buildGazetteer,
  type CitiesJsonPlace,
  type PopulatedPlace,
  selectSubset,
} from './gazetteer.js';
import { US_STATES } from './us-states.js';

const located = (
  name: string,
  admin1: string,
  admin2: string,
  lat: number,
  lng: number,
): CitiesJsonPlace => ({
  name,
  lat,
  lng,
  country: 'US',
  admin1,
  admin2,
});

let nextId = 1000;
const populated = (
  name: string,
  adminCode: string,
  population: number,
  lat: number,
  lng: number,
  extra: Partial<PopulatedPlace> = {},
): PopulatedPlace => ({
  cityId: nextId++,
  name,
  country: 'US',
  featureCode: 'PPL',
  adminCode,
  population,
  loc: { coordinates: [lng, lat] },
  ...extra,
});

const counties: AdminDivision[] = [
  { code: 'US.TX.453', name: 'Travis County' },
  { code: 'US.TX.491', name: 'Williamson County' },
  { code: 'US.DC.001', name: 'District of Columbia' },
  { code: 'US.PR.127', name: 'San Juan' },
  { code: 'FR.84.69', name: 'Rhône' },
];

const build = (populatedPlaces: PopulatedPlace[], places: CitiesJsonPlace[] = []) =>
  buildGazetteer({ counties, places, populated: populatedPlaces }, { minPopulation: 1000 });

describe('buildGazetteer', () => {
  it('gives every state and DC its FIPS code, and counties five-digit FIPS from the state prefix', () => {
    const gazetteer = build([]);
    expect(gazetteer.states).toHaveLength(51);
    expect(new Set(US_STATES.map((s) => s.fips)).size).toBe(51);
    expect(gazetteer.states.find((s) => s.code === 'TX')?.fips).toBe('48');
    // Puerto Rico and other countries are not among the states, so their divisions are left out.
    expect(gazetteer.counties).toEqual([
      { fips: '11001', stateCode: 'DC', name: 'District of Columbia' },
      { fips: '48453', stateCode: 'TX', name: 'Travis County' },
      { fips: '48491', stateCode: 'TX', name: 'Williamson County' },
    ]);
  });

  it('adds the District of Columbia as a county-equivalent and puts every DC place in it', () => {
    const gazetteer = buildGazetteer(
      {
        counties: counties.filter((county) => !county.code.startsWith('US.DC')),
        places: [located('Shaw', 'DC', '', 38.91206, -77.02137)],
        populated: [populated('Shaw', 'DC', 8000, 38.91206, -77.02137)],
      },
      { minPopulation: 1000 },
    );
    expect(gazetteer.counties).toContainEqual({
      fips: '11001',
      stateCode: 'DC',
      name: 'District of Columbia',
    });
    expect(gazetteer.places[0]?.countyFips).toBe('11001');
  });

  it('joins population and GeoNames id with the county of the same place', () => {
    const austin = populated('Austin', 'TX', 931830, 30.26715, -97.74306);
    const gazetteer = build(
      [austin],
      [
        located('Austin', 'TX', '453', 30.26715, -97.74306),
        located('Austin', 'MN', '099', 43.66663, -92.97464),
      ],
    );
    expect(gazetteer.places).toEqual([
      {
        geonamesId: austin.cityId,
        stateCode: 'TX',
        countyFips: '48453',
        name: 'Austin',
        population: 931830,
        lat: 30.26715,
        lng: -97.74306,
      },
    ]);
  });

  it('matches a differently spelled name to the nearest place of the state within a few km', () => {
    const gazetteer = build(
      [
        populated('Washington, D.C.', 'DC', 601723, 38.89511, -77.03637),
        populated('Far Away', 'TX', 5000, 31.5, -100.0),
      ],
      [
        located('Washington', 'DC', '001', 38.89511, -77.03637),
        located('Austin', 'TX', '453', 30.27, -97.74),
      ],
    );
    const byName = new Map(gazetteer.places.map((p) => [p.name, p]));
    expect(byName.get('Washington, D.C.')?.countyFips).toBe('11001');
    // No place with a county within ~50 km: no county rather than a far-fetched one.
    expect(byName.get('Far Away')?.countyFips).toBeNull();
    expect(gazetteer.notes.placesWithoutCounty).toBe(1);
  });

  it('gives a place that carries no county (one spanning several) the county of its nearest neighbour', () => {
    const gazetteer = build(
      [populated('Metropolis', 'TX', 800000, 30.27, -97.74)],
      [
        located('Metropolis', 'TX', '', 30.27, -97.74),
        located('Suburb', 'TX', '491', 30.5, -97.7),
        located('Village', 'TX', '453', 30.3, -97.8),
      ],
    );
    expect(gazetteer.places[0]?.countyFips).toBe('48453');
    expect(gazetteer.notes.placesWithoutCounty).toBe(0);
  });

  it('prefers the same name over a nearer place with another name', () => {
    const gazetteer = build(
      [populated('Round Rock', 'TX', 115997, 30.50826, -97.6789)],
      [
        located('Pflugerville', 'TX', '453', 30.50826, -97.6789),
        located('Round Rock', 'TX', '491', 30.52, -97.67),
      ],
    );
    expect(gazetteer.places[0]?.countyFips).toBe('48491');
  });

  it('leaves out places under the population floor, neighbourhoods and abandoned places', () => {
    const gazetteer = build([
      populated('Tiny', 'TX', 999, 30, -97),
      populated('Downtown', 'TX', 50000, 30, -97, { featureCode: 'PPLX' }),
      populated('Ghost', 'TX', 5000, 30, -97, { featureCode: 'PPLQ' }),
      populated('Capital', 'TX', 5000, 30, -97, { featureCode: 'PPLA' }),
      populated('Lyon', 'FR', 500000, 45.7, 4.8, { country: 'FR' }),
      populated('San Juan', 'PR', 300000, 18.4, -66.1),
    ]);
    expect(gazetteer.places.map((p) => p.name)).toEqual(['Capital']);
  });

  it('keeps the most populous of places that share a state and a name', () => {
    const big = populated('Midway', 'FL', 16115, 30.4, -87.0);
    const gazetteer = build([
      populated('Midway', 'FL', 3276, 30.5, -84.4),
      big,
      populated('Midway', 'TX', 1200, 31.0, -95.7),
    ]);
    expect(gazetteer.places.map((p) => [p.stateCode, p.name, p.geonamesId])).toEqual([
      ['FL', 'Midway', big.cityId],
      ['TX', 'Midway', expect.any(Number)],
    ]);
    expect(gazetteer.notes.sameNameDropped).toBe(1);
  });
});

describe('selectSubset', () => {
  it('keeps every state and county but only the places of the given states and the named places', () => {
    const gazetteer = build([
      populated('Austin', 'TX', 931830, 30.27, -97.74),
      populated('Phoenix', 'AZ', 1608139, 33.45, -112.07),
      populated('Tucson', 'AZ', 542629, 32.22, -110.97),
    ]);
    const subset = selectSubset(gazetteer, {
      stateCodes: ['TX'],
      places: [{ stateCode: 'AZ', name: 'Phoenix' }],
    });
    expect(subset.places.map((p) => p.name)).toEqual(['Phoenix', 'Austin']);
    expect(subset.states).toHaveLength(51);
    expect(subset.counties).toEqual(gazetteer.counties);
    expect(subset.notes.placesWithoutCounty).toBe(2);
  });
});
