import type { PoolClient } from '@spark/db';
import type { ClaimedHeadline } from './claim-headlines.js';
import type { ProductionContext } from './production-context.js';

/** How many neighbouring places an article names. */
export const NEARBY_PLACES = 3;
/** Nearest candidates by planar distance (the GiST index order), re-ranked by distance on the sphere. */
const NEARBY_CANDIDATES = 12;

/**
 * Adds to the job's context the nearest places of the batch's cities it does not know yet, in one
 * statement: a KNN scan (`<->` on the GiST index) per city for candidates, ordered by true distance
 * (degrees of longitude shrink with latitude, so planar order is only approximately nearest). Places
 * sharing the city's name are skipped so an article never names its own place as a neighbour. A job
 * revisits the same cities batch after batch, so most batches query nothing.
 */
export async function rememberNearbyPlaces(
  client: PoolClient,
  context: Pick<ProductionContext, 'nearbyPlaces'>,
  headlines: readonly ClaimedHeadline[],
): Promise<void> {
  const unknown = [
    ...new Set(
      headlines.flatMap((headline) =>
        headline.city_id !== null && !context.nearbyPlaces.has(headline.city_id) ? [headline.city_id] : [],
      ),
    ),
  ];
  if (unknown.length === 0) return;
  const { rows } = await client.query<{ city_id: string; nearby: string[] }>(
    `select c.id as city_id,
            array(select candidate.name from (
                    select n.name, n.geom from geo_cities n
                    where n.id <> c.id and n.geom is not null and n.name <> c.name
                    order by n.geom <-> c.geom limit $3
                  ) candidate
                  order by ST_Distance(candidate.geom::geography, c.geom::geography), candidate.name
                  limit $2) as nearby
     from geo_cities c
     where c.id = any($1::uuid[]) and c.geom is not null`,
    [unknown, NEARBY_PLACES, NEARBY_CANDIDATES],
  );
  for (const id of unknown) context.nearbyPlaces.set(id, []);
  for (const row of rows) context.nearbyPlaces.set(row.city_id, row.nearby);
}
