import { JobStartedSchema } from '@spark/contracts/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.js';
import { savedSpaceQuery, siteKey } from '../api/queries.js';
import { JobProgress } from '../jobs/JobProgress.js';
import { Button, inputClass } from '../ui/primitives.js';
import { formatCount, remainingHeadlines } from './campaign-form.js';

const MAX_PER_JOB = 10_000;

interface Props {
  siteId: string;
  campaignId: string;
  inventory: Record<string, number>;
}

/** "Generate N articles", bounded by what the saved campaign can still make, then the job's live progress. */
export function GeneratePanel({ siteId, campaignId, inventory }: Props) {
  const client = useQueryClient();
  const space = useQuery(savedSpaceQuery(siteId, campaignId));
  const [count, setCount] = useState('100');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (n: number) =>
      api('/api/seo/generate-article', JobStartedSchema, {
        method: 'POST',
        json: { campaign_id: campaignId, count: n },
      }),
    onSuccess: (answer) => {
      setJobId(answer.job_id);
      void client.invalidateQueries({ queryKey: [...siteKey(siteId), 'jobs'] });
    },
  });
  const remaining = space.data ? remainingHeadlines(space.data.total, inventory) : null;
  const n = Number.parseInt(count, 10);
  const valid =
    Number.isInteger(n) && n >= 1 && n <= MAX_PER_JOB && (remaining === null || BigInt(n) <= remaining);
  return (
    <section
      aria-labelledby="generate-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="generate-heading" className="text-lg font-semibold text-slate-900">
        Generate articles
      </h2>
      {space.isError ? (
        <p className="text-sm text-red-900">{space.error.message}</p>
      ) : (
        <p className="text-sm text-slate-800" data-testid="remaining">
          {remaining === null
            ? 'Counting…'
            : `This campaign can still make ${formatCount(remaining)} articles.`}
        </p>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) start.mutate(n);
        }}
      >
        <div>
          <label htmlFor="generate-count" className="block text-sm font-medium text-slate-900">
            How many
          </label>
          <input
            id="generate-count"
            type="number"
            min={1}
            max={MAX_PER_JOB}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            className={`${inputClass} w-32`}
          />
        </div>
        <Button type="submit" tone="primary" disabled={!valid || start.isPending}>
          Generate {Number.isInteger(n) && n > 0 ? n : ''} articles
        </Button>
      </form>
      {jobId ? <JobProgress siteId={siteId} jobId={jobId} /> : null}
    </section>
  );
}
