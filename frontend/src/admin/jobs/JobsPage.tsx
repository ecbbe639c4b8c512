import { FINISHED_JOB_STATUSES, type Job } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { jobsQuery } from '../api/queries.js';
import { Pager } from '../ui/Pager.js';
import { EmptyState, ErrorNote, Skeleton } from '../ui/primitives.js';
import { CancelJobButton } from './CancelJobButton.js';
import { jobOutcome } from './outcome.js';
import { formatDuration } from './progress.js';
import { RetryJobButton } from './RetryJobButton.js';

const PAGE_SIZE = 20;

function duration(job: Job): string {
  if (!job.started_at) return '—';
  const end = job.finished_at ? Date.parse(job.finished_at) : Date.now();
  return formatDuration(Math.max(0, Math.round((end - Date.parse(job.started_at)) / 1000)));
}

/** Every job of the site, newest first, a server page at a time; refreshed while any is unfinished. */
export function JobsPage({ siteId }: { siteId: string }) {
  const [page, setPage] = useState(0);
  const jobs = useQuery({
    ...jobsQuery(siteId, page, PAGE_SIZE),
    refetchInterval: (query) =>
      query.state.data?.data.some((job) => !FINISHED_JOB_STATUSES.includes(job.status)) ? 2000 : false,
  });
  return (
    <section aria-labelledby="jobs-heading" className="space-y-4">
      <h1 id="jobs-heading" className="text-2xl font-bold text-slate-900">
        Jobs
      </h1>
      {jobs.isPending ? (
        <Skeleton label="Loading jobs" />
      ) : jobs.isError ? (
        <ErrorNote error={jobs.error} />
      ) : jobs.data.data.length === 0 ? (
        <EmptyState title="No jobs yet">Generating articles from a campaign starts one.</EmptyState>
      ) : (
        <>
          {/* relative: the visually hidden header text is positioned, and must scroll inside the table, not widen the page. */}
          <section
            aria-label="Jobs table"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard
            tabIndex={0}
            className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
          >
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Jobs of this site, newest first</caption>
              <thead className="bg-slate-50 text-slate-900">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Started
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Kind
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Progress
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Duration
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Error
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 text-slate-800">
                {jobs.data.data.map((job) => (
                  <tr key={job.id}>
                    <td className="whitespace-nowrap px-3 py-2">
                      {new Date(job.date_created).toLocaleString()}
                    </td>
                    <td className="px-3 py-2">{job.type.replace(/_/g, ' ')}</td>
                    <td className="px-3 py-2" data-testid="job-outcome">
                      {jobOutcome(job).label}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {job.processed}/{job.total}
                      {job.failed ? ` (${job.failed} failed)` : ''}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{duration(job)}</td>
                    <td className="max-w-xs truncate px-3 py-2" title={job.error ?? undefined}>
                      {job.error ?? ''}
                    </td>
                    <td className="px-3 py-2">
                      {FINISHED_JOB_STATUSES.includes(job.status) ? (
                        job.status !== 'completed' &&
                        job.type === 'generate_articles' &&
                        job.total - job.processed - job.failed > 0 ? (
                          <RetryJobButton
                            siteId={siteId}
                            jobId={job.id}
                            left={job.total - job.processed - job.failed}
                          />
                        ) : null
                      ) : (
                        <CancelJobButton siteId={siteId} jobId={job.id} label="Cancel" />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Pager page={page} pageSize={PAGE_SIZE} total={jobs.data.total} label="Jobs" onPage={setPage} />
        </>
      )}
    </section>
  );
}
