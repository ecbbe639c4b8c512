import { ARTICLE_STATUSES, type Dashboard } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, ErrorNote, Skeleton } from '../ui/primitives.js';
import { RankedBars } from './charts/RankedBars.js';
import { TrendChart } from './charts/TrendChart.js';
import { dashboardQuery } from './insights.queries.js';
import { StatCard } from './StatCard.js';

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The landing page: the chosen site's (or, for administrators, every site's) last 30 days at a glance. */
export function DashboardPage({ siteId, isAdmin }: { siteId: string; isAdmin: boolean }) {
  const [allSites, setAllSites] = useState(false);
  const dashboard = useQuery(dashboardQuery(isAdmin && allSites ? null : siteId));
  return (
    <section aria-labelledby="dashboard-heading" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="dashboard-heading" className="text-2xl font-bold text-slate-900">
          Dashboard
        </h1>
        {isAdmin ? (
          <label className="flex items-center gap-2 text-sm text-slate-900">
            <input
              type="checkbox"
              checked={allSites}
              onChange={(event) => setAllSites(event.target.checked)}
              className="h-4 w-4"
            />
            All sites
          </label>
        ) : null}
      </div>
      {dashboard.isPending ? (
        <Skeleton label="Loading the dashboard" lines={4} />
      ) : dashboard.isError ? (
        <ErrorNote error={dashboard.error} />
      ) : (
        <DashboardBody data={dashboard.data} />
      )}
    </section>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const flagTotal = data.open_quality_flags.total;
  return (
    <>
      <p className="text-sm text-slate-700">
        {data.site_id ? 'This site' : `All ${data.site_count} sites`}, {shortDay(data.from)} to{' '}
        {shortDay(data.to)} (UTC days).
      </p>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Visitors, 30 days" value={data.totals.visitors} testId="dashboard-visitors" />
        <StatCard label="Pageviews, 30 days" value={data.totals.pageviews} testId="dashboard-pageviews" />
        <StatCard label="Leads this week" value={data.leads_this_week.count} testId="dashboard-leads" />
        <StatCard label="Open quality flags" value={flagTotal} testId="dashboard-flags" />
      </dl>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <TrendChart
          title="Visitors and pageviews, last 30 days"
          keyLabel="Day"
          rows={data.traffic.map((day) => ({ ...day, key: day.day, label: shortDay(day.day) }))}
          series={[
            { metric: 'pageviews', label: 'Pageviews', color: '#4338ca' },
            { metric: 'visitors', label: 'Visitors', color: '#047857', dash: '6 4' },
          ]}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <RankedBars
          title="Articles by status"
          valueLabel="Status"
          countLabel="Articles"
          empty="No articles yet."
          entries={ARTICLE_STATUSES.map((status) => ({
            value: status,
            count: data.articles_by_status[status] ?? 0,
          })).filter((entry) => entry.count > 0)}
        />
        <RankedBars
          title="Open quality flags by type"
          valueLabel="Flag"
          countLabel="Open"
          empty="No open quality flags."
          entries={Object.entries(data.open_quality_flags.by_type).map(([value, count]) => ({
            value,
            count,
          }))}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <RunningJobs jobs={data.running_jobs} />
        <RecentWork entries={data.recent_work} />
      </div>
    </>
  );
}

function RunningJobs({ jobs }: { jobs: Dashboard['running_jobs'] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="running-jobs">
      <h2 id="running-jobs" className="mb-2 font-semibold text-slate-900">
        Running jobs
      </h2>
      {jobs.length === 0 ? (
        <EmptyState title="No job is running" />
      ) : (
        <ul className="space-y-3">
          {jobs.map((job) => {
            const label = `${job.type.replaceAll('_', ' ')} (${job.status})`;
            return (
              <li key={job.id} className="space-y-1 text-sm">
                <div className="flex justify-between gap-2 text-slate-900">
                  <a href="/admin/jobs" className="underline">
                    {label}
                  </a>
                  <span className="tabular-nums">
                    {job.processed} of {job.total}
                  </span>
                </div>
                <progress
                  className="h-2 w-full accent-indigo-700"
                  max={100}
                  value={job.progress}
                  aria-label={`${label}: ${job.progress}%`}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function RecentWork({ entries }: { entries: Dashboard['recent_work'] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="recent-work">
      <h2 id="recent-work" className="mb-2 font-semibold text-slate-900">
        Recent work
      </h2>
      {entries.length === 0 ? (
        <EmptyState title="Nothing logged yet" />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap justify-between gap-x-3 py-1">
              <span className="font-medium text-slate-900">{entry.action}</span>
              <span className="text-slate-700">
                <span className="sr-only">level </span>
                {entry.level} ·{' '}
                <time dateTime={entry.timestamp}>
                  {new Date(entry.timestamp).toLocaleString('en', {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  })}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
