import { redactSecrets } from '@spark/contracts';
import type { Pool, PoolClient } from '@spark/db';
import { database } from './connections.js';

export interface WorkLogEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  siteId?: string | null;
  userId?: string | null;
  level?: 'debug' | 'info' | 'warning' | 'error';
  /** Compact, secret-free context: ids, counts, changed field names. Never tokens or passwords. */
  details?: Record<string, unknown>;
}

/**
 * Records what an API action did. Pass the transaction's client when the action writes, so the log entry
 * commits (or rolls back) together with the change it describes.
 */
export async function writeWorkLog(
  entry: WorkLogEntry,
  client: Pool | PoolClient = database(),
): Promise<void> {
  await client.query(
    `insert into work_log (action, entity_type, entity_id, site_id, user_id, level, details)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.siteId ?? null,
      entry.userId ?? null,
      entry.level ?? 'info',
      // Callers pass compact context, but a secret must not reach the log even if one slips in.
      JSON.stringify(redactSecrets(entry.details ?? {})),
    ],
  );
}
