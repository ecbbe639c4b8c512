import { AppError } from '@spark/contracts';
import type { WorklogQuery } from '@spark/contracts/api';
import { type Principal, resolveSiteScope, visibleSiteIds } from '@spark/factory';
import { z } from 'zod';
import { database } from '../connections.js';

const cursorSchema = z.object({ t: z.string().datetime({ offset: true }), id: z.string().uuid() });

/** Cursors are opaque to clients: the (timestamp, id) of the last row, so pages stay stable while rows arrive. */
const encodeCursor = (t: string, id: string) => Buffer.from(JSON.stringify({ t, id })).toString('base64url');

function decodeCursor(cursor: string): { t: string; id: string } {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('BAD_REQUEST', 'cursor is not one this endpoint returned; start again without it');
  }
}

interface WorklogRow {
  id: string;
  site_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  level: string;
  user_id: string | null;
  details: Record<string, unknown>;
  timestamp: Date;
}

/** Newest first; site-scoped callers see only their sites' entries (platform-wide ones are admin-only). */
export async function listWorklog(principal: Principal, query: WorklogQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.site_id) add('site_id = ?', resolveSiteScope(principal, query.site_id));
  else if (visibleSiteIds(principal)) add('site_id = any(?::uuid[])', visibleSiteIds(principal));
  if (query.level) add('level = ?', query.level);
  if (query.entity_type) add('entity_type = ?', query.entity_type);
  if (query.action) add('action = ?', query.action);
  if (query.user_id) add('user_id = ?', query.user_id);
  if (query.since) add('"timestamp" >= ?', query.since);
  if (query.until) add('"timestamp" < ?', query.until);
  if (query.cursor) {
    const { t, id } = decodeCursor(query.cursor);
    params.push(t, id);
    where.push(`("timestamp", id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(query.limit + 1);
  const { rows } = await database().query<WorklogRow>(
    `select id, site_id, action, entity_type, entity_id, level, user_id, details, "timestamp"
     from work_log ${where.length ? `where ${where.join(' and ')}` : ''}
     order by "timestamp" desc, id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({ ...row, timestamp: row.timestamp.toISOString() })),
    next_cursor:
      rows.length > query.limit && last ? encodeCursor(last.timestamp.toISOString(), last.id) : null,
  };
}
