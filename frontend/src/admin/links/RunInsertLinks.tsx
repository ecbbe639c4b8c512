import { AnalysisJobStartedSchema, FINISHED_JOB_STATUSES } from '@spark/contracts/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/client.js';
import { jobQuery, siteKey } from '../api/queries.js';
import { jobOutcome } from '../jobs/outcome.js';
import { Button } from '../ui/primitives.js';

/** Starts insert-links for the campaign and follows the job until it ends, then refreshes the report. */
export function RunInsertLinks({ siteId, campaignId }: { siteId: string; campaignId: string }) {
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      api('/api/seo/insert-links', AnalysisJobStartedSchema, {
        method: 'POST',
        json: { campaign_id: campaignId },
      }),
  });
  const jobId = start.data?.job_id;
  const job = useQuery({
    ...jobQuery(siteId, jobId ?? 'none'),
    enabled: jobId !== undefined,
    refetchInterval: (query) =>
      query.state.data && FINISHED_JOB_STATUSES.includes(query.state.data.status) ? false : 1500,
  });
  const finished = job.data ? FINISHED_JOB_STATUSES.includes(job.data.status) : false;
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: [...siteKey(siteId), 'links-report'] });
  }, [finished, client, siteId]);
  const running = start.isPending || (jobId !== undefined && !finished);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button tone="primary" onClick={() => start.mutate()} disabled={running}>
        {running ? 'Inserting links…' : 'Run insert-links'}
      </Button>
      <p role="status" className="text-sm text-slate-800" data-testid="insert-links-outcome">
        {job.data
          ? `Insert-links ${jobOutcome(job.data).label} (${job.data.processed}/${job.data.total})`
          : start.isPending
            ? 'Starting…'
            : ''}
      </p>
    </div>
  );
}
