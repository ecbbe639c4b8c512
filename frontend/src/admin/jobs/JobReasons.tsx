import type { JobOutcome } from './outcome.js';

const TONE: Record<JobOutcome['tone'], string> = {
  ok: 'text-slate-800',
  neutral: 'text-slate-800',
  warning: 'text-amber-900',
  error: 'text-red-900',
};

/** The first reasons a job recorded for its failures, under its progress bar. */
export function JobReasons({ outcome }: { outcome: JobOutcome }) {
  if (outcome.reasons.length === 0) return null;
  return (
    <div className={`text-sm ${TONE[outcome.tone]}`} data-testid="job-reasons">
      <p className="font-medium">{outcome.tone === 'warning' ? 'First failures:' : 'Reasons:'}</p>
      <ul className="list-disc space-y-1 pl-5">
        {outcome.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
