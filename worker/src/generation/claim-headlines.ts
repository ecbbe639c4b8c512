import type { PoolClient } from '@spark/db';

/** A headline reserved for the job, with the names its article's variables need. */
export interface ClaimedHeadline {
  id: string;
  text: string;
  variant_key: string;
  state_id: string | null;
  county_id: string | null;
  city_id: string | null;
  avatar_id: string | null;
  city: string | null;
  county: string | null;
  state: string | null;
  state_code: string | null;
  avatar_name: string | null;
  population: number | null;
}

/**
 * Locks up to `limit` of the job's reserved headlines. SKIP LOCKED lets any number of workers pull from
 * one job at once without ever taking the same row; the lock lasts until the batch commits (the row is
 * then `used`) or rolls back (a crash: the row is still `claimed` and the next attempt takes it). No
 * ORDER BY: sorting the job's remaining rows on every batch costs more than it is worth, and each
 * article is determined by its own headline, not by the order headlines are taken in.
 *
 * The rows are picked (and limited) before the place and avatar names are joined: a freshly reserved job's
 * rows have no statistics yet, and the planner then hashed all of them on every claim before applying the
 * limit.

 */
export async function claimHeadlines(
  client: PoolClient,
  jobId: string,
  limit: number,
): Promise<ClaimedHeadline[]> {
  const { rows } = await client.query<ClaimedHeadline>(
    `with picked as (
       select id, text, variant_key, state_id, county_id, city_id, avatar_id from headline_inventory
       where claimed_by_job = $1 and status = 'claimed'
       limit $2
       for update skip locked
     )
     select h.id, h.text, h.variant_key, h.state_id, h.county_id, h.city_id, h.avatar_id,
            c.name as city, co.name as county, s.name as state, s.code as state_code, a.name as avatar_name,
            c.population
     from picked h
     left join geo_cities c on c.id = h.city_id
     left join geo_counties co on co.id = h.county_id
     left join geo_states s on s.id = h.state_id
     left join avatar_intelligence a on a.id = h.avatar_id`,
    [jobId, limit],
  );
  return rows;
}
