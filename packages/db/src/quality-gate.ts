import type { PoolClient } from 'pg';

/**
 * The publish gate's one rule, as a SQL condition on `quality_flags f` for `generated_articles a`: the open
 * quality flags that hold the article back. A flag counts on either side of a near-duplicate pair (publishing either member
 * puts duplicate text live). An override (`quality_override_at`) covers the flags that existed when it
 * was given; a flag raised later holds the article back again. The immediate publisher and the scheduled
 * one share this text so they can never disagree.
 */
export const HOLDING_FLAG_SQL = `(f.article_id = a.id or f.other_article_id = a.id) and f.status = 'open'
    and (a.quality_override_at is null or f.date_created > a.quality_override_at)`;

export interface HoldingFlag {
  type: string;
  /** The other member of a near-duplicate pair; null for single-article flags. */
  other_article_id: string | null;
}

/** The flags holding back each of `ids` (articles absent from the map are clear to publish). */
export async function findHoldingFlags(
  client: PoolClient,
  ids: readonly string[],
): Promise<Map<string, HoldingFlag[]>> {
  const held = new Map<string, HoldingFlag[]>();
  if (ids.length === 0) return held;
  const { rows } = await client.query<{ id: string; type: string; other_article_id: string | null }>(
    `select a.id, f.type,
            case when f.other_article_id is null then null
                 when f.article_id = a.id then f.other_article_id else f.article_id end as other_article_id
     from generated_articles a join quality_flags f on ${HOLDING_FLAG_SQL}
     where a.id = any($1::uuid[])
     order by a.id, f.type, f.date_created`,
    [ids],
  );
  for (const row of rows) {
    const flags = held.get(row.id) ?? [];
    flags.push({ type: row.type, other_article_id: row.other_article_id });
    held.set(row.id, flags);
  }
  return held;
}
