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

/** A shared passage located in one article's own text, split for display with some context around it. */
export interface PassageInText {
  readonly before: string;
  readonly shared: string;
  readonly after: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Finds a stored excerpt (normalised words joined by spaces, as `longestSharedRun` returns it and possibly
 * cut short mid-word by a length cap) in the original text of an article, and returns the passage as it is
 * written there, with up to `context` characters either side (cut at word boundaries). Words are compared as
 * `normaliseWords` compares them, so the excerpt found in both texts of a pair is the same run of words even
 * where case and punctuation differ. Null when the excerpt is empty or not in the text.
 */
export function locateSharedPassage(text: string, excerpt: string, context = 300): PassageInText | null {
  const wanted = excerpt.split(' ').filter((word) => word.length > 0);
  const last = wanted.length - 1;
  if (last < 0) return null;
  const words = [...text.matchAll(WORD)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (let i = 0; i + last < words.length; i += 1) {
    let k = 0;
    while (k <= last) {
      const word = words[i + k]?.word ?? '';
      const expected = wanted[k] ?? '';
      // The cap may have cut the excerpt's last word, so that one only needs to start the same.
      if (k === last ? !word.startsWith(expected) : word !== expected) break;
      k += 1;
    }
    if (k <= last) continue;
    const start = words[i]?.start ?? 0;
    const end = words[i + last]?.end ?? start;
    let from = Math.max(0, start - context);
    let to = Math.min(text.length, end + context);
    if (from > 0) from = text.indexOf(' ', from) + 1 || start;
    if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
    return {
      before: `${from > 0 ? '… ' : ''}${text.slice(from, start)}`,
      shared: text.slice(start, end),
      after: `${text.slice(end, to)}${to < text.length ? ' …' : ''}`,
    };
  }
  return null;
}
