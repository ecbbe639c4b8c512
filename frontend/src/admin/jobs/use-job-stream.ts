import { FINISHED_JOB_STATUSES, type Job, JobSchema } from '@spark/contracts/admin';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { readEventStream } from '../api/event-stream.js';
import { siteKey } from '../api/queries.js';
import type { ProgressSample } from './progress.js';

/**
 * Follows a job through its server-sent event stream (fetch-based, so the session cookie goes along). The
 * first and latest samples feed the rate and ETA; when the job ends, the site's cached lists are refreshed.
 */
/** `round` re-opens the stream of the same job (after a retry). */
export function useJobStream(siteId: string, jobId: string | null, round = 0) {
  const client = useQueryClient();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<ProgressSample | null>(null);
  const [last, setLast] = useState<ProgressSample | null>(null);
  useEffect(() => {
    // round only re-runs the effect: a retried job's stream must be opened again.
    void round;
    if (!jobId) return;
    const controller = new AbortController();
    first.current = null;
    setJob(null);
    setError(null);
    readEventStream(
      `/api/seo/jobs/${jobId}/stream`,
      (event) => {
        if (event.event !== 'progress') return;
        const parsed = JobSchema.safeParse(JSON.parse(event.data));
        if (!parsed.success) return;
        const sample = { at: Date.now(), done: parsed.data.processed + parsed.data.failed };
        if (!first.current && parsed.data.status === 'running') first.current = sample;
        setLast(sample);
        setJob(parsed.data);
        if (FINISHED_JOB_STATUSES.includes(parsed.data.status)) {
          void client.invalidateQueries({ queryKey: siteKey(siteId) });
        }
      },
      controller.signal,
    ).catch((reason: unknown) => {
      if ((reason as Error).name !== 'AbortError') setError((reason as Error).message);
    });
    return () => controller.abort();
  }, [client, siteId, jobId, round]);
  return { job, error, first: first.current, last };
}
