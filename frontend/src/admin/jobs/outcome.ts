/** How a job ended, in words, so a run with failures never reads like a clean one. Pure, for the jobs UI. */
export interface JobOutcomeInput {
  status: string;
  total: number;
  processed: number;
  failed: number;
  error: string | null;
}

export interface JobOutcome {
  /** "completed", "completed with 3 failures", "failed: all 30 failed", or the live status. */
  label: string;
  tone: 'ok' | 'warning' | 'error' | 'neutral';
  /** The first distinct recorded reasons (one per batch note). */
  reasons: string[];
}

const REASONS_SHOWN = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function jobOutcome(job: JobOutcomeInput): JobOutcome {
  const lines = (job.error ?? '').split('\n').map((line) => line.trim());
  const reasons = [...new Set(lines.filter(Boolean))].slice(0, REASONS_SHOWN);
  if (job.status === 'completed') {
    return job.failed > 0
      ? { label: `completed with ${plural(job.failed, 'failure')}`, tone: 'warning', reasons }
      : { label: 'completed', tone: 'ok', reasons: [] };
  }
  if (job.status === 'failed') {
    const all = job.processed === 0 && job.failed > 0 && job.failed >= job.total;
    return { label: all ? `failed: all ${job.failed} failed` : 'failed', tone: 'error', reasons };
  }
  return { label: job.status, tone: 'neutral', reasons };
}
