/**
 * Length limits are counted in code points, so a cut never splits an emoji or other astral
 * character.
 *
 * Ellipsis policy: descriptions and excerpts that had to be cut end in a single "…" (U+2026, one
 * character, included in the limit) after the last whole word that fits, with trailing
 * punctuation removed ("fast, cheap…" not "fast,…"). Titles are cut at a word boundary with no
 * ellipsis: search engines add their own, and a stored "…" would show in tabs and share cards.
 * A single word longer than the limit is cut hard.
 */
export const META_TITLE_MAX = 60;
export const META_DESCRIPTION_MAX = 155;
export const EXCERPT_MAX = 240;
const ELLIPSIS = '…';

function collapseWhitespace(text: string): string {
  // Every run of whitespace becomes one space: the runs that are not one space already are those
  // of two or more characters and the single other ones (fewer matches than replacing every run).
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * The first `count` code points of collapseWhitespace(text), and whether they are all of it.
 * Limits are small while an article's text runs to thousands of characters, so only a growing
 * prefix is collapsed: collapseWhitespace(prefix) is always a prefix of collapseWhitespace(text),
 * and all its code points but the last (which may be half a surrogate pair) are final.
 */
function leadingChars(text: string, count: number): { chars: string[]; whole: boolean } {
  if (Number.isSafeInteger(count) && count >= 0) {
    for (let window = count + 32; window < text.length; window *= 2) {
      const chars = Array.from(collapseWhitespace(text.slice(0, window)));
      if (chars.length > count) return { chars: chars.slice(0, count), whole: false };
    }
  }
  return { chars: Array.from(collapseWhitespace(text)), whole: true };
}

const SURROGATE = /[\ud800-\udfff]/;

export function truncateAtWord(text: string, maxLength: number, ellipsis = ''): string {
  // Fast path for a long text (a description or excerpt of an article) whose first window, once
  // collapsed, has more than maxLength + 1 characters and no astral ones: then leadingChars below
  // returns its first maxLength + 1 UTF-16 code units as its code points (whole = false), and the
  // same cut is made on the string itself rather than on an array of characters.
  if (Number.isSafeInteger(maxLength) && maxLength >= 0 && maxLength + 33 < text.length) {
    const collapsed = collapseWhitespace(text.slice(0, maxLength + 33));
    if (collapsed.length > maxLength + 1 && !SURROGATE.test(collapsed)) {
      const room = maxLength - Array.from(ellipsis).length;
      if (room <= 0) return collapsed.slice(0, maxLength);
      const cut = collapsed.slice(0, room + 1);
      const boundary = cut.lastIndexOf(' ');
      const kept = boundary > 0 ? cut.slice(0, boundary) : collapsed.slice(0, room);
      const trimmed = kept.replace(/[\s,;:.!?\-–—|/(&]+$/u, '');
      return `${trimmed === '' ? kept : trimmed}${ellipsis}`;
    }
  }

  // One code point beyond the limit is enough to decide, and to keep a word ending at the limit.
  // (A negative limit slices from the end below, so it needs the whole text.)
  const { chars, whole } = leadingChars(text, maxLength >= 0 ? maxLength + 1 : Number.POSITIVE_INFINITY);
  if (whole && chars.length <= maxLength) return chars.join('');
  const room = maxLength - Array.from(ellipsis).length;
  if (room <= 0) return chars.slice(0, maxLength).join('');
  const cut = chars.slice(0, room + 1).join('');
  // `room + 1` characters are inspected so a word ending exactly at the limit is kept whole.
  const boundary = cut.lastIndexOf(' ');
  const kept = boundary > 0 ? cut.slice(0, boundary) : chars.slice(0, room).join('');
  const trimmed = kept.replace(/[\s,;:.!?\-–—|/(&]+$/u, '');
  return `${trimmed === '' ? kept : trimmed}${ellipsis}`;
}

/** Headline as meta title; `suffix` (e.g. " | Site Name") is appended only when it fits. */
export function buildMetaTitle(headline: string, suffix = '', maxLength = META_TITLE_MAX): string {
  const title = truncateAtWord(headline, maxLength);
  const withSuffix = `${title}${suffix}`;
  return suffix !== '' && Array.from(withSuffix).length <= maxLength ? withSuffix : title;
}

export function buildMetaDescription(text: string, maxLength = META_DESCRIPTION_MAX): string {
  return truncateAtWord(text, maxLength, ELLIPSIS);
}

/**
 * The opening of the article's visible text (first lines joined), cut like a description. Line
 * breaks are whitespace to truncateAtWord, which collapses them into single spaces.
 */
export function buildExcerpt(text: string, maxLength = EXCERPT_MAX): string {
  return truncateAtWord(text, maxLength, ELLIPSIS);
}
