import { useMemo } from 'react';
import type { CampaignForm } from './campaign-form.js';
import { projectPerDay } from './velocity-projection.js';

const DAYS = 28;

/** Projected articles per day for four weeks from tomorrow; the numbers are also in the accessible name. */
export function VelocityChart({ velocity }: { velocity: CampaignForm['velocity'] }) {
  const perDay = useMemo(() => {
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    return projectPerDay(velocity, tomorrow, DAYS);
  }, [velocity]);
  const peak = Math.max(1, ...perDay);
  const total = perDay.reduce((sum, n) => sum + n, 0);
  const width = DAYS * 10;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${width} 60`}
        preserveAspectRatio="none"
        className="h-16 w-full"
        role="img"
        aria-label={`Projected articles per day for the next ${DAYS} days: ${perDay.join(', ')}`}
      >
        {perDay.map((n, day) => {
          const height = (n / peak) * 56;
          return (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: one bar per day, in order
              key={day}
              x={day * 10 + 1}
              y={60 - height}
              width={8}
              height={height}
              className="fill-indigo-600"
            />
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-700">
        About {total} articles in the next four weeks (peak {peak} a day).
      </figcaption>
    </figure>
  );
}
