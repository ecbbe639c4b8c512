import { NumberTable } from './DataTable.js';

export interface RankedEntry {
  value: string;
  count: number;
}

/**
 * A ranked list (top pages, referrers, …) as a table with a proportional bar behind each count: the numbers are
 * the content, the bars only help the eye, so nothing needs a separate text alternative.
 */
export function RankedBars({
  title,
  valueLabel,
  countLabel,
  entries,
  empty = 'Nothing recorded in this range.',
}: {
  title: string;
  valueLabel: string;
  countLabel: string;
  entries: RankedEntry[];
  empty?: string;
}) {
  const peak = Math.max(1, ...entries.map((e) => e.count));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
      <h2 className="mb-2 font-semibold text-slate-900">{title}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <>
          <ul className="space-y-1" aria-hidden="true">
            {entries.map((entry) => (
              <li key={entry.value} className="relative rounded bg-slate-50 px-2 py-1 text-sm">
                <span
                  className="absolute inset-y-0 left-0 rounded bg-indigo-100"
                  style={{ width: `${(entry.count / peak) * 100}%` }}
                />
                <span className="relative flex justify-between gap-2 text-slate-900">
                  <span className="truncate">{entry.value || '(none)'}</span>
                  <span className="tabular-nums">{entry.count.toLocaleString('en')}</span>
                </span>
              </li>
            ))}
          </ul>
          <div className="sr-only">
            <NumberTable
              caption={title}
              columns={[valueLabel, countLabel]}
              rows={entries.map((e) => [e.value || '(none)', e.count])}
            />
          </div>
        </>
      )}
    </section>
  );
}
