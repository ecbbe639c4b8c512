import { normaliseWords } from './shingles.js';

export interface SharedExcerpt {
  /** The shared run as it appears in the first text (normalised words joined by spaces). */
  readonly text: string;
  readonly words: number;
  /** Word offsets of the run in each text. */
  readonly startA: number;
  readonly startB: number;
}

/**
 * Longest run of consecutive words common to both texts (case and punctuation ignored), for
 * showing a reviewer why two articles were flagged. O(n·m) time, O(m) memory; inputs are capped at
 * `maxWords` words each to bound the cost on very long pages.
 */
export function longestSharedRun(textA: string, textB: string, maxWords = 5000): SharedExcerpt {
  const a = normaliseWords(textA).slice(0, maxWords);
  const b = normaliseWords(textB).slice(0, maxWords);
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  let best = 0;
  let endA = 0;
  let endB = 0;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const run = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : 0;
      current[j] = run;
      if (run > best) {
        best = run;
        endA = i;
        endB = j;
      }
    }
    [previous, current] = [current, previous];
  }
  return {
    text: a.slice(endA - best, endA).join(' '),
    words: best,
    startA: endA - best,
    startB: endB - best,
  };
}
