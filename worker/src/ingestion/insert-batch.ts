import type { StreamedAnalyticsEvent } from '@spark/contracts';
import { type Pool, withTransaction } from '@spark/db';

const CONTEXT_COLUMNS = [
  ['event_id', 'uuid'],
  ['occurred_at', 'timestamptz'],
  ['site_id', 'uuid'],
  ['visitor_hash', 'text'],
  ['session_id', 'text'],
  ['url', 'text'],
  ['path', 'text'],
  ['referrer_host', 'text'],
  ['utm_source', 'text'],
  ['utm_medium', 'text'],
  ['utm_campaign', 'text'],
  ['utm_term', 'text'],
  ['utm_content', 'text'],
  ['device', 'text'],
  ['browser', 'text'],
  ['os', 'text'],
] as const;

const TABLES = {
  pageview: { table: 'pageviews', extra: [] },
  event: {
    table: 'events',
    extra: [
      ['name', 'text'],
      ['props', 'jsonb'],
    ],
  },
  conversion: {
    table: 'conversions',
    extra: [
      ['type', 'text'],
      ['value', 'numeric'],
      ['currency', 'text'],
      ['lead_id', 'uuid'],
    ],
  },
} as const;

/**
 * One statement per table: rows arrive as one JSON parameter (no per-row round trips, no parameter limit).
 * `on conflict do nothing` on (event_id, occurred_at) makes a replayed batch a no-op. Rows of a site deleted
 * since they were accepted are skipped, and a lead reference is kept only if the lead is the same site's, so
 * one stale row can never fail the batch.
 */
function insertSql(kind: keyof typeof TABLES): string {
  const { table, extra } = TABLES[kind];
  const columns = [...CONTEXT_COLUMNS, ...extra];
  const names = columns.map(([name]) => name);
  const typed = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const selected = names.map((name) =>
    name === 'lead_id'
      ? '(select l.id from leads l where l.id = r.lead_id and l.site_id = r.site_id)'
      : `r.${name}`,
  );
  return `insert into ${table} (${names.join(', ')})
          select ${selected.join(', ')} from jsonb_to_recordset($1::jsonb) as r(${typed})
          where exists (select 1 from sites s where s.id = r.site_id)
          on conflict do nothing`;
}

/** Inserts a batch of validated events in one transaction; returns how many rows were new. */
export async function insertAnalyticsBatch(
  pool: Pool,
  events: readonly StreamedAnalyticsEvent[],
): Promise<number> {
  const byKind = new Map<keyof typeof TABLES, StreamedAnalyticsEvent[]>();
  for (const event of events) {
    const rows = byKind.get(event.kind);
    if (rows) rows.push(event);
    else byKind.set(event.kind, [event]);
  }
  return withTransaction(pool, async (client) => {
    let inserted = 0;
    for (const [kind, rows] of byKind) {
      const result = await client.query(insertSql(kind), [JSON.stringify(rows)]);
      inserted += result.rowCount ?? 0;
    }
    return inserted;
  });
}
