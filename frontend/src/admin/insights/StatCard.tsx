import { percentChange } from '@spark/core';

function comparison(value: number, previous: number): string {
  const change = percentChange(value, previous);
  if (change === null) return 'none in the previous period';
  return `${change >= 0 ? '+' : ''}${change}% vs ${previous.toLocaleString('en')} in the previous period`;
}

/** One headline figure; with `previous`, the change against it (the arrow is decoration, the words carry it). */
export function StatCard({
  label,
  value,
  testId,
  previous,
}: {
  label: string;
  value: number;
  testId: string;
  previous?: number;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums text-slate-900" data-testid={testId}>
        {value.toLocaleString('en')}
      </dd>
      {previous === undefined ? null : (
        <dd className="text-xs text-slate-700" data-testid={`${testId}-previous`}>
          {comparison(value, previous)}
        </dd>
      )}
    </div>
  );
}
