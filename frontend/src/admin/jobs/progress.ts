/** Rate and time left of a running job, from two observations of its progress. Pure, for the progress bar. */
export interface ProgressSample {
  at: number;
  done: number;
}

export interface ProgressStats {
  percent: number;
  perSecond: number | null;
  secondsLeft: number | null;
}

export function progressStats(
  first: ProgressSample | null,
  last: ProgressSample,
  total: number,
): ProgressStats {
  const percent = total > 0 ? Math.min(100, Math.round((100 * last.done) / total)) : 0;
  if (!first || last.at - first.at < 500 || last.done <= first.done) {
    return { percent, perSecond: null, secondsLeft: null };
  }
  const perSecond = ((last.done - first.done) * 1000) / (last.at - first.at);
  return { percent, perSecond, secondsLeft: Math.max(0, Math.ceil((total - last.done) / perSecond)) };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
