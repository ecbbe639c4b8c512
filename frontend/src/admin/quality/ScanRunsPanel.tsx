import { AnalysisJobStartedSchema, FINISHED_JOB_STATUSES, JobListSchema } from '@spark/contracts/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../api/client.js';
import { siteKey } from '../api/queries.js';
import { jobOutcome } from '../jobs/outcome.js';
import { Button, ErrorNote } from '../ui/primitives.js';

const RUNS_SHOWN = 5;

/** The site's latest duplicate scans and a button for a new one; refreshed while one is running. */
export function ScanRunsPanel({ siteId }: { siteId: string }) {
  const client = useQueryClient();
  const runs = useQuery({
    queryKey: [...siteKey(siteId), 'scan-runs'],
    queryFn: ({ signal }) =>
      api(
        `/api/seo/jobs?${new URLSearchParams({ site_id: siteId, type: 'scan_duplicates', limit: String(RUNS_SHOWN) })}`,
        JobListSchema,
        { signal },
      ),
    refetchInterval: (query) =>
      query.state.data?.data.some((job) => !FINISHED_JOB_STATUSES.includes(job.status)) ? 2000 : false,
  });
  const scan = useMutation({
    mutationFn: () =>
      api('/api/seo/scan-duplicates', AnalysisJobStartedSchema, {
        method: 'POST',
        json: { site_id: siteId },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: [...siteKey(siteId), 'scan-runs'] }),
  });
  const running = runs.data?.data.some((job) => !FINISHED_JOB_STATUSES.includes(job.status)) ?? false;
  // A scan that just finished may have flagged new pairs: show them without a reload.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !running)
      void client.invalidateQueries({ queryKey: [...siteKey(siteId), 'quality-flags'] });
    wasRunning.current = running;
  }, [running, client, siteId]);
  return (
    <section
      aria-labelledby="scans-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="scans-heading" className="font-semibold text-slate-900">
          Duplicate scans
        </h2>
        <Button tone="primary" onClick={() => scan.mutate()} disabled={scan.isPending || running}>
          {running ? 'Scanning…' : 'Scan the site'}
        </Button>
      </div>
      {runs.isError ? <ErrorNote error={runs.error} /> : null}
      {runs.data && runs.data.data.length === 0 ? (
        <p className="text-sm text-slate-800">No scan has run on this site yet.</p>
      ) : (
        <ul className="text-sm text-slate-800" data-testid="scan-runs">
          {runs.data?.data.map((job) => (
            <li key={job.id} className="flex flex-wrap gap-x-3">
              <time dateTime={job.date_created}>{new Date(job.date_created).toLocaleString()}</time>
              <span>{jobOutcome(job).label}</span>
              <span>
                {job.processed}/{job.total} articles
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
