import { AppError, type Job, type JobList, type JobListQuery } from '@spark/contracts';
import { z } from 'zod';
import type { FactoryDeps } from './deps.js';
import { canAccessSite, type Principal, resolveSiteScope } from './principal.js';

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

/** Route ids that are not UUIDs cannot name a job or campaign: the same 404 as a missing one. */
export function routeId(raw: string | undefined, what: string): string {
  const parsed = z.string().uuid().safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', `No ${what} ${raw ?? ''} is visible to you`);
  return parsed.data;
}

const JOB_COLUMNS = `id, site_id, campaign_id, type, status, params, total, processed, failed, progress, error,
  started_at, finished_at, date_created, date_updated`;

/** A generation job's progress as stored by the worker; another site's job is NOT_FOUND. */
export async function getJobStatus(deps: FactoryDeps, principal: Principal, id: string): Promise<Job> {
  const { rows } = await deps.db.query<JobRow>(`select ${JOB_COLUMNS} from generation_jobs where id = $1`, [
    id,
  ]);
  const job = rows[0];
  if (!job || !canAccessSite(principal, job.site_id)) {
    throw new AppError('NOT_FOUND', `No generation job ${id} is visible to you`);
  }
  return jobView(job);
}

/** Every job of one site (optionally one campaign), newest first, a page at a time. */
export async function listJobs(
  deps: FactoryDeps,
  principal: Principal,
  query: JobListQuery,
): Promise<JobList> {
  const siteId = resolveSiteScope(principal, query.site_id);
  const where =
    'where site_id = $1 and ($2::uuid is null or campaign_id = $2) and ($3::text is null or type = $3)';
  const scope = [siteId, query.campaign_id ?? null, query.type ?? null];
  const [page, count] = await Promise.all([
    deps.db.query<JobRow>(
      `select ${JOB_COLUMNS} from generation_jobs ${where} order by date_created desc, id limit $4 offset $5`,
      [...scope, query.limit, query.offset],
    ),
    deps.db.query<{ n: number }>(`select count(*)::int as n from generation_jobs ${where}`, scope),
  ]);
  return {
    data: page.rows.map(jobView),
    total: count.rows[0]?.n ?? 0,
    limit: query.limit,
    offset: query.offset,
  };
}

function jobView(job: JobRow): Job {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: job.id,
    site_id: job.site_id,
    campaign_id: job.campaign_id,
    type: job.type,
    status: job.status as Job['status'],
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

export type JobStatus = Job;
