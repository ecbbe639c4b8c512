import { AppError } from '@spark/contracts';
import {
  describeMissingLocationTokens,
  type LocationMode,
  missingLocationTokens,
  PLACE_FACT_VARIABLES,
  type SpintaxTemplate,
} from '@spark/core';

/**
 * Refuses (422, naming each token) a campaign whose headlines or fragments use place variables its location
 * mode cannot fill — `{City}` without a location, `{County}` when some target cities have none — before any
 * headline is reserved, instead of a job whose every article fails.
 */
export function assertPlaceVariablesFillable(
  texts: Iterable<string | SpintaxTemplate>,
  mode: LocationMode,
  citiesWithoutCounty = 0,
): void {
  const missing = missingLocationTokens(texts, {
    mode,
    citiesWithoutCounty,
    extraLocationVariables: PLACE_FACT_VARIABLES,
  });
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', describeMissingLocationTokens(missing));
}
