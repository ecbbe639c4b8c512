import { type DayRange, lastDays, previousPeriod } from '@spark/core';

/** The analytics page's range choices; `custom` keeps whatever days were typed. */
export const RANGE_PRESETS = [
  { id: 'today', label: 'Today' },
  { id: 'yesterday', label: 'Yesterday' },
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: 'month', label: 'This month' },
  { id: 'custom', label: 'Custom' },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];

/** The UTC day range a preset means on the day of `now`. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date): DayRange {
  const today = lastDays(now, 1);
  switch (preset) {
    case 'today':
      return today;
    case 'yesterday':
      return previousPeriod(today);
    case '7d':
      return lastDays(now, 7);
    case '30d':
      return lastDays(now, 30);
    case '90d':
      return lastDays(now, 90);
    case 'month':
      return { from: `${today.to.slice(0, 8)}01`, to: today.to };
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** Why a custom range cannot be asked for, in words for the form; null when it can. */
export function customRangeProblem({ from, to }: DayRange): string | null {
  if (!DAY.test(from) || Number.isNaN(Date.parse(from))) return 'Choose a start day.';
  if (!DAY.test(to) || Number.isNaN(Date.parse(to))) return 'Choose an end day.';
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) return 'The start day must be on or before the end day.';
  if (days > MAX_DAYS) return `Choose at most ${MAX_DAYS} days.`;
  return null;
}
