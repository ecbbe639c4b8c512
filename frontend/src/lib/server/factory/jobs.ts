import { AppError } from '@spark/contracts';
import { z } from 'zod';
import { canAccessSite, type Principal } from '../auth/principal.js';
import { database } from '../connections.js';

interface JobRow {
  id: string;
  site_id: string;
  campaign_id: string | null;
  type: string;
  status: string;
  params: Record<string, unknown>;
  total: number;
  processed: number;
  failed: number;
  progress: string;
  error: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  date_created: Date;
  date_updated: Date | null;
}

export const TERMINAL_STATUSES = new Set(['completed', 'failed', 'cancelled']);

/** Route ids that are not UUIDs cannot name a job or campaign: the same 404 as a missing one. */
export function routeId(raw: string | undefined, what: string): string {
  const parsed = z.string().uuid().safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', `No ${what} ${raw ?? ''} is visible to you`);
  return parsed.data;
}

/** A generation job's progress as stored by the worker; another site's job is NOT_FOUND. */
export async function getJobStatus(principal: Principal, id: string) {
  const { rows } = await database().query<JobRow>(
    `select id, site_id, campaign_id, type, status, params, total, processed, failed, progress, error,
            started_at, finished_at, date_created, date_updated
     from generation_jobs where id = $1`,
    [id],
  );
  const job = rows[0];
  if (!job || !canAccessSite(principal, job.site_id)) {
    throw new AppError('NOT_FOUND', `No generation job ${id} is visible to you`);
  }
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: job.id,
    site_id: job.site_id,
    campaign_id: job.campaign_id,
    type: job.type,
    status: job.status,
    params: job.params,
    total: job.total,
    processed: job.processed,
    failed: job.failed,
    progress: Number(job.progress),
    error: job.error,
    started_at: iso(job.started_at),
    finished_at: iso(job.finished_at),
    date_created: job.date_created.toISOString(),
    date_updated: iso(job.date_updated),
  };
}

export type JobStatus = Awaited<ReturnType<typeof getJobStatus>>;
