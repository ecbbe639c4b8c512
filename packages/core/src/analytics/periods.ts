/**
 * Calendar arithmetic for analytics ranges. Every range is inclusive UTC days written `YYYY-MM-DD`, the unit the
 * daily rollups are keyed by, so a range's totals are the sum of exactly its days' rows.
 */

const DAY_MS = 86_400_000;

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface DayRange {
  from: string;
  to: string;
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysOf({ from, to }: DayRange): string[] {
  const days: string[] = [];
  for (let t = dayStart(from); t <= dayStart(to); t += DAY_MS) days.push(dayOf(t));
  return days;
}

/** Number of days in the range, both ends included. */
export const rangeLength = ({ from, to }: DayRange): number => (dayStart(to) - dayStart(from)) / DAY_MS + 1;

/** The range of the same length that ends the day before `from`: what "compared with the previous period" means. */
export function previousPeriod(range: DayRange): DayRange {
  const length = rangeLength(range);
  const to = dayStart(range.from) - DAY_MS;
  return { from: dayOf(to - (length - 1) * DAY_MS), to: dayOf(to) };
}

/** The `days` days that end with the UTC day of `now`. */
export function lastDays(now: Date, days: number): DayRange {
  const to = dayStart(now.toISOString().slice(0, 10));
  return { from: dayOf(to - (days - 1) * DAY_MS), to: dayOf(to) };
}

/** Monday 00:00 UTC of the week `now` is in (ISO weeks start on Monday). */
export function weekStart(now: Date): Date {
  const midnight = dayStart(now.toISOString().slice(0, 10));
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** Every UTC hour of the range as an ISO timestamp (`2025-01-31T13:00:00.000Z`). */
export function hoursOf(range: DayRange): string[] {
  const hours: string[] = [];
  const end = dayStart(range.to) + DAY_MS;
  for (let t = dayStart(range.from); t < end; t += 3_600_000) hours.push(new Date(t).toISOString());
  return hours;
}

/**
 * One entry per key in `keys`, in that order: the row found for it, or zeros for every metric. Charts need the
 * quiet days too, or a gap would be drawn as a straight line between the days around it.
 */
export function zeroFilled<Metric extends string>(
  keys: string[],
  rows: Map<string, Record<Metric, number>>,
  metrics: readonly Metric[],
): (Record<Metric, number> & { key: string })[] {
  return keys.map((key) => {
    const found = rows.get(key);
    const entry = { key } as Record<Metric, number> & { key: string };
    for (const metric of metrics) (entry as Record<Metric, number>)[metric] = found?.[metric] ?? 0;
    return entry;
  });
}

/** Relative change from `before` to `now` in percent, rounded to one decimal; null when there was nothing before. */
export function percentChange(now: number, before: number): number | null {
  if (before === 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}
