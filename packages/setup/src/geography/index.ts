import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import { DEFAULT_BLUEPRINT_DIR } from '../seed.js';
import { buildGazetteer, type Gazetteer, selectSubset } from './gazetteer.js';
import { type GeographyImportReport, importGazetteer } from './import.js';
import { readGazetteerSources } from './sources.js';

export { buildGazetteer, type Gazetteer, selectSubset } from './gazetteer.js';
export { type GeographyImportReport, importGazetteer } from './import.js';
export { readGazetteerSources } from './sources.js';
export { US_STATES, type UsState } from './us-states.js';

/**
 * `SPARK_GEOGRAPHY`: `full` (default) loads every state, county and place of 1,000+ people; `subset` loads every
 * state and county but only the places of SUBSET_STATES and the demo blueprint's cities (test stacks); `none`
 * loads nothing, leaving only what blueprints carry (with the demo, its 50 cities). Unset or empty means `full`.
 */
export const GeographyModeSchema = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.enum(['full', 'subset', 'none']).default('full'),
);
export type GeographyMode = z.infer<typeof GeographyModeSchema>;

export const MIN_PLACE_POPULATION = 1000;
/** The states of the demo campaigns (alpha: Texas; beta: a radius around Raleigh), so they cover real places. */
export const SUBSET_STATES = ['TX', 'NC'] as const;

export interface GeographyLoad {
  mode: GeographyMode;
  counts: { states: number; counties: number; places: number };
  notes: Gazetteer['notes'];
  report: GeographyImportReport;
}

const DemoCitiesSchema = z.object({
  library: z.object({
    geo: z.object({ cities: z.array(z.object({ state_code: z.string(), name: z.string() })) }),
  }),
});

/** The demo blueprint's cities, which tests name, so the subset gives them their real rows too. */
async function demoCities(blueprintDir: string): Promise<{ stateCode: string; name: string }[]> {
  const library = DemoCitiesSchema.parse(
    JSON.parse(await readFile(join(blueprintDir, 'library.json'), 'utf8')),
  );
  return library.library.geo.cities.map((city) => ({ stateCode: city.state_code, name: city.name }));
}

/** Builds the gazetteer the mode asks for and imports it; `null` when the mode is `none`. */
export async function loadGeography(
  pool: Pool,
  mode: GeographyMode,
  blueprintDir = DEFAULT_BLUEPRINT_DIR,
): Promise<GeographyLoad | null> {
  if (mode === 'none') return null;
  const full = buildGazetteer(await readGazetteerSources(), { minPopulation: MIN_PLACE_POPULATION });
  const gazetteer =
    mode === 'full'
      ? full
      : selectSubset(full, { stateCodes: SUBSET_STATES, places: await demoCities(blueprintDir) });
  const report = await importGazetteer(pool, gazetteer);
  return {
    mode,
    counts: {
      states: gazetteer.states.length,
      counties: gazetteer.counties.length,
      places: gazetteer.places.length,
    },
    notes: gazetteer.notes,
    report,
  };
}

/** One log line: what was loaded and how much of it changed. */
export function describeGeographyLoad(load: GeographyLoad | null): string {
  if (load === null) return 'geography: none (SPARK_GEOGRAPHY=none; only blueprint places)';
  const { counts, report, notes } = load;
  const changed = (t: { created: number; updated: number }) => `${t.created} new, ${t.updated} updated`;
  return (
    `geography (${load.mode}): ${counts.states} states, ${counts.counties} counties, ${counts.places} places ` +
    `[cities ${changed(report.cities)}; counties ${changed(report.counties)}; states ${changed(report.states)}; ` +
    `${notes.placesWithoutCounty} places without county; ${notes.sameNameDropped} same-name places left out of the dataset]`
  );
}
