import type { Dashboard } from '@spark/contracts/admin';
import { daysOf, lastDays, weekStart, zeroFilled } from '@spark/core';
import { type Principal, resolveSiteScope, visibleSiteIds } from '@spark/factory';
import { database } from '../connections.js';

const CHART_DAYS = 30;
const LIST_LENGTH = 8;
const UNFINISHED_JOBS = ['pending', 'queued', 'running'];

/**
 * Every query filters by `site_id = any($1)`, or not at all for an administrator's all-sites view ($1 null),
 * so each one stays on its (site_id, …) index; traffic comes from the daily rollups, never the raw tables.
 */
const SCOPE = '($1::uuid[] is null or site_id = any($1::uuid[]))';

/** The sites a dashboard request covers: one named site, else every site the caller may see (null = all). */
export function dashboardScope(principal: Principal, siteId: string | undefined): string[] | null {
  if (siteId) return [resolveSiteScope(principal, siteId)];
  return visibleSiteIds(principal);
}

/** A signed-in user's landing page: traffic, leads, articles, jobs, work and quality at a glance. */
export async function loadDashboard(principal: Principal, siteId: string | undefined, now = new Date()) {
  const scope = dashboardScope(principal, siteId);
  const range = lastDays(now, CHART_DAYS);
  const since = weekStart(now);
  const db = database();
  const [traffic, leads, articles, jobs, work, flags, siteCount] = await Promise.all([
    db.query<{ day: string; visitors: string; pageviews: string }>(
      `select day::text as day, sum(visitors) as visitors, sum(pageviews) as pageviews
       from analytics_daily_rollups
       where ${SCOPE} and dimension = 'total' and day between $2 and $3 group by day`,
      [scope, range.from, range.to],
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from leads where ${SCOPE} and date_created >= $2 and status <> 'spam'`,
      [scope, since],
    ),
    db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from generated_articles where ${SCOPE} group by status`,
      [scope],
    ),
    db.query<
      Omit<Dashboard['running_jobs'][number], 'progress' | 'started_at'> & {
        progress: string;
        started_at: Date | null;
      }
    >(
      `select id, site_id, type, status, processed, total, progress, started_at from generation_jobs
       where ${SCOPE} and status = any($2) order by date_created desc limit $3`,
      [scope, UNFINISHED_JOBS, LIST_LENGTH],
    ),
    db.query<Omit<Dashboard['recent_work'][number], 'timestamp'> & { timestamp: Date }>(
      `select id, site_id, action, entity_type, level, "timestamp" from work_log
       where ${SCOPE} order by "timestamp" desc, id desc limit $2`,
      [scope, LIST_LENGTH],
    ),
    db.query<{ type: string; n: number }>(
      `select type, count(*)::int as n from quality_flags where ${SCOPE} and status = 'open' group by type`,
      [scope],
    ),
    db.query<{ n: number }>(
      'select count(*)::int as n from sites where ($1::uuid[] is null or id = any($1::uuid[]))',
      [scope],
    ),
  ]);
  const byDay = new Map(
    traffic.rows.map((row) => [
      row.day,
      { visitors: Number(row.visitors), pageviews: Number(row.pageviews) },
    ]),
  );
  const series = zeroFilled(daysOf(range), byDay, ['visitors', 'pageviews'] as const).map(
    ({ key, ...metrics }) => ({ day: key, ...metrics }),
  );
  const flagsByType = Object.fromEntries(flags.rows.map((row) => [row.type, row.n]));
  return {
    site_id: siteId ? (scope?.[0] ?? null) : null,
    site_count: siteCount.rows[0]?.n ?? 0,
    from: range.from,
    to: range.to,
    traffic: series,
    totals: {
      visitors: series.reduce((sum, day) => sum + day.visitors, 0),
      pageviews: series.reduce((sum, day) => sum + day.pageviews, 0),
    },
    leads_this_week: { since: since.toISOString(), count: leads.rows[0]?.n ?? 0 },
    articles_by_status: Object.fromEntries(articles.rows.map((row) => [row.status, row.n])),
    running_jobs: jobs.rows.map((job) => ({
      ...job,
      progress: Number(job.progress),
      started_at: job.started_at?.toISOString() ?? null,
    })),
    recent_work: work.rows.map((entry) => ({ ...entry, timestamp: entry.timestamp.toISOString() })),
    open_quality_flags: {
      total: Object.values(flagsByType).reduce((sum, n) => sum + n, 0),
      by_type: flagsByType,
    },
  } satisfies Dashboard;
}
