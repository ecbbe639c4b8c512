import { QueueJobRetriedSchema } from '@spark/contracts/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { queueHealthQuery } from '../api/operations-queries.js';
import { useAdminUi } from '../store.js';
import { Button, ErrorNote, Skeleton } from '../ui/primitives.js';

const COLUMNS = ['waiting', 'active', 'delayed', 'failed', 'workers'] as const;

function RetryQueueJob({ queue, id }: { queue: string; id: string }) {
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const retry = useMutation({
    mutationFn: () =>
      api(
        `/api/admin/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/retry`,
        QueueJobRetriedSchema,
        {
          method: 'POST',
        },
      ),
    onSuccess: () => toast('success', `Job ${id} is waiting again`),
    onSettled: () => client.invalidateQueries({ queryKey: queueHealthQuery().queryKey }),
  });
  return (
    <Button
      onClick={() => retry.mutate()}
      disabled={retry.isPending}
      aria-label={`Retry job ${id} of ${queue}`}
    >
      Retry
    </Button>
  );
}

/** Administrators: every queue's depths and workers, and the failed jobs with their errors. */
export function QueueHealthPanel() {
  const health = useQuery(queueHealthQuery());
  return (
    <section aria-labelledby="queues-heading" className="space-y-3">
      <h2 id="queues-heading" className="text-xl font-semibold text-slate-900">
        Queues
      </h2>
      {health.isPending ? (
        <Skeleton label="Loading queue health" lines={2} />
      ) : health.isError ? (
        <ErrorNote error={health.error} />
      ) : (
        <>
          <section
            aria-label="Queue depths"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard
            tabIndex={0}
            className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
          >
            <table className="min-w-full text-left text-sm" data-testid="queue-table">
              <caption className="sr-only">Jobs per state in each queue</caption>
              <thead className="bg-slate-50 text-slate-900">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Queue
                  </th>
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col" className="px-3 py-2 capitalize">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 text-slate-800">
                {health.data.data.queues.map((queue) => (
                  <tr key={queue.name}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                      {queue.name}
                    </th>
                    {COLUMNS.map((column) => (
                      <td key={column} className="px-3 py-2">
                        {queue[column]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <h3 className="font-semibold text-slate-900">Failed jobs</h3>
          {health.data.data.failed_jobs.length === 0 ? (
            <p className="text-sm text-slate-800">No failed jobs.</p>
          ) : (
            <ul
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
              data-testid="failed-jobs"
            >
              {health.data.data.failed_jobs.map((job) => (
                <li
                  key={`${job.queue}:${job.id}`}
                  className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm"
                >
                  <div className="min-w-0 space-y-1">
                    <p className="break-all font-medium text-slate-900">
                      {job.queue} · {job.name} · {job.id}
                    </p>
                    <p className="break-words text-red-900">{job.error || 'no error recorded'}</p>
                    <p className="text-slate-700">
                      {job.attempts} attempts
                      {job.failed_at ? ` · ${new Date(job.failed_at).toLocaleString()}` : ''}
                    </p>
                  </div>
                  <RetryQueueJob queue={job.queue} id={job.id} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
