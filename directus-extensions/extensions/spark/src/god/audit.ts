import type { Knex } from 'knex';
import type { DeniedSummary } from './denied-attempts.js';

export interface GodAuditEntry {
  action: string;
  outcome: 'allowed' | 'denied' | 'rejected';
  status?: number;
  reason?: string;
  method: string;
  path: string;
  /** Names only: a value could be a token someone put in the URL. */
  queryKeys: string[];
  ip: string | null;
  userAgent: string | null;
  request?: Record<string, unknown>;
}

/**
 * One `work_log` row per god call that presented the token, level warning; headers (and so the token) are never
 * part of it. Refused calls are summed per address instead (`writeDeniedSummaries`).
 */
export async function writeGodAudit(database: Knex, entry: GodAuditEntry): Promise<void> {
  const { action, ...details } = entry;
  await database('work_log').insert({
    site_id: null,
    action,
    entity_type: 'god_mode',
    entity_id: entry.path.slice(0, 200),
    level: 'warning',
    user_id: null,
    details: JSON.stringify(details),
  });
}

/** One `god.denied` row per client address and window: the refused calls it made, summed. */
export async function writeDeniedSummaries(database: Knex, summaries: DeniedSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  await database('work_log').insert(
    summaries.map((summary) => ({
      site_id: null,
      action: 'god.denied',
      entity_type: 'god_mode',
      entity_id: summary.ip.slice(0, 200),
      level: 'warning',
      user_id: null,
      details: JSON.stringify({ outcome: 'denied', ...summary }),
    })),
  );
}

/** What the audit keeps of a request body: identifiers and sizes, never the rows themselves. */
export function summariseGodBody(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const summary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (
      typeof value === 'string' &&
      ['collection', 'mode', 'key', 'field', 'related_collection'].includes(key)
    )
      summary[key] = value.slice(0, 100);
    else if (Array.isArray(value)) summary[`${key}Count`] = value.length;
  }
  return summary;
}
