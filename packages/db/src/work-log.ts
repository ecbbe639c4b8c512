import { redactSecrets } from '@spark/contracts';
import type { Pool, PoolClient } from 'pg';

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
 * The one writer of `work_log` rows for the apps (the Directus bundle writes through its own knex). Pass the
 * transaction's client when the action writes, so the entry commits (or rolls back) with the change it
 * describes. `oncePerEntity` skips the insert when the entity already has an entry for this action (a
 * job's completion is logged once however many chunks see it finish).
 */
export async function writeWorkLog(
  entry: WorkLogEntry,
  client: Pool | PoolClient,
  options: { oncePerEntity?: boolean } = {},
): Promise<void> {
  const guard = options.oncePerEntity
    ? 'where not exists (select 1 from work_log where action = $1::text and entity_id = $3::text)'
    : '';
  await client.query(
    `insert into work_log (action, entity_type, entity_id, site_id, user_id, level, details)
     select $1::text, $2::text, $3::text, $4::uuid, $5::uuid, $6::text, $7::jsonb ${guard}`,
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
