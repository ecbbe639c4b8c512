import type { SpintaxTemplate } from '../spintax/ast.js';
import { SpintaxSyntaxError } from '../spintax/errors.js';
import { parseSpintax } from '../spintax/parse.js';
import { listVariables } from '../spintax/validate.js';

export type LocationMode = 'none' | 'state' | 'county' | 'city' | 'radius';

/** Variables (lower-cased, as the parser names them) whose value comes from the article's place. */
export const LOCATION_VARIABLES: readonly string[] = ['city', 'county', 'state', 'state_code'];

export interface MissingLocationToken {
  /** As written in templates, e.g. `{State_Code}`. */
  token: string;
  reason: string;
}

export interface LocationTokenContext {
  mode: LocationMode;
  /** How many of the target's cities have no county; `{County}` cannot be filled for them. */
  citiesWithoutCounty?: number;
  /** Further place-derived variables (e.g. `population`) that need a location like `{City}` does. */
  extraLocationVariables?: readonly string[];
}

const tokenOf = (name: string) =>
  `{${name
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('_')}}`;

/**
 * The place variables that headline patterns and fragments use but the campaign's location mode cannot fill, in
 * first-use order: every one of them without a location (`none`), and `{County}` when some target cities lack a
 * county. Checked before any work is reserved, so such a campaign is refused up front instead of producing a job
 * of failures. Texts that do not parse are skipped: the template validator reports those.
 */
export function missingLocationTokens(
  texts: Iterable<string | SpintaxTemplate>,
  context: LocationTokenContext,
): MissingLocationToken[] {
  const placeVariables = new Set([...LOCATION_VARIABLES, ...(context.extraLocationVariables ?? [])]);
  const used = new Set<string>();
  for (const text of texts) {
    let template: SpintaxTemplate;
    try {
      template = typeof text === 'string' ? parseSpintax(text) : text;
    } catch (error) {
      if (error instanceof SpintaxSyntaxError) continue;
      throw error;
    }
    for (const name of listVariables(template)) if (placeVariables.has(name)) used.add(name);
  }
  const missing: MissingLocationToken[] = [];
  for (const name of used) {
    if (context.mode === 'none') {
      missing.push({ token: tokenOf(name), reason: 'the campaign has no location: location_mode is "none"' });
    } else if (name === 'county' && (context.citiesWithoutCounty ?? 0) > 0) {
      missing.push({
        token: tokenOf(name),
        reason: `${context.citiesWithoutCounty} of the campaign's cities have no county`,
      });
    }
  }
  return missing;
}

/** One sentence for a 422 answer that names each token and why it cannot be filled. */
export function describeMissingLocationTokens(missing: readonly MissingLocationToken[]): string {
  return `The template uses place variables this campaign cannot fill: ${missing
    .map((m) => `${m.token} (${m.reason})`)
    .join('; ')}`;
}
