import { FINISHED_JOB_STATUSES } from '@spark/contracts/admin';
import { useState } from 'react';
import { CancelJobButton } from './CancelJobButton.js';
import { JobReasons } from './JobReasons.js';
import { jobOutcome } from './outcome.js';
import { formatDuration, progressStats } from './progress.js';
import { RetryJobButton } from './RetryJobButton.js';
import { useJobStream } from './use-job-stream.js';

interface Props {
  siteId: string;
  jobId: string;
}

/** A live progress bar (processed, failed, rate, ETA) with cancel while running and retry after failure. */
export function JobProgress({ siteId, jobId }: Props) {
  // A retry queues the same job again; its stream ended with the failure, so a new round follows it anew.
  const [round, setRound] = useState(0);
  const { job, error, first, last } = useJobStream(siteId, jobId, round);
  if (error)
    return (
      <p role="alert" className="text-sm text-red-900">
        Progress unavailable: {error}
      </p>
    );
  if (!job || !last) return <p className="text-sm text-slate-700">Connecting to the job…</p>;
  const stats = progressStats(first, last, job.total);
  const running = !FINISHED_JOB_STATUSES.includes(job.status);
  const left = job.total - job.processed - job.failed;
  const outcome = jobOutcome(job);
  return (
    <div className="space-y-2" data-testid="job-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-900">
          Job <span data-testid="job-outcome">{outcome.label}</span> —{' '}
          <span data-testid="job-percent">{stats.percent}%</span>
        </span>
        <span className="text-slate-700">
          {job.processed} of {job.total} written{job.failed > 0 ? `, ${job.failed} failed` : ''}
          {stats.perSecond !== null && running ? ` · ${stats.perSecond.toFixed(1)}/s` : ''}
          {stats.secondsLeft !== null && running ? ` · about ${formatDuration(stats.secondsLeft)} left` : ''}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={stats.percent}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-700 transition-all" style={{ width: `${stats.percent}%` }} />
      </div>
      <JobReasons outcome={outcome} />
      <div className="flex gap-2">
        {running ? <CancelJobButton siteId={siteId} jobId={jobId} /> : null}
        {(job.status === 'failed' || job.status === 'cancelled') && left > 0 ? (
          <RetryJobButton siteId={siteId} jobId={jobId} left={left} onRetried={() => setRound(round + 1)} />
        ) : null}
      </div>
    </div>
  );
}
