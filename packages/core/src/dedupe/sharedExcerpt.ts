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
 * showing a reviewer why two articles were flagged; the earliest such run in the first text (then in the second)
 * wins. Inputs are capped at `maxWords` words each to bound the cost on very long pages.
 */
export function longestSharedRun(textA: string, textB: string, maxWords = 5000): SharedExcerpt {
  const a = normaliseWords(textA).slice(0, maxWords);
  const b = normaliseWords(textB).slice(0, maxWords);
  // The classic run table (run[i][j] = run[i-1][j-1] + 1 where word i of A equals word j of B) is zero except
  // where the words are equal, so each row visits only the positions in B of A's word: the cost is the number
  // of equal word pairs, not n·m. Rows are kept as two arrays; only the cells a row set are cleared after it.
  const positionsInB = new Map<string, number[]>();
  b.forEach((word, j) => {
    const positions = positionsInB.get(word);
    if (positions) positions.push(j + 1);
    else positionsInB.set(word, [j + 1]);
  });
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  let previousSet: readonly number[] = [];
  let best = 0;
  let endA = 0;
  let endB = 0;
  for (let i = 1; i <= a.length; i += 1) {
    const positions = positionsInB.get(a[i - 1] as string) ?? [];
    for (const j of positions) {
      const run = (previous[j - 1] as number) + 1;
      current[j] = run;
      if (run > best) {
        best = run;
        endA = i;
        endB = j;
      }
    }
    for (const j of previousSet) previous[j] = 0;
    [previous, current] = [current, previous];
    previousSet = positions;
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
