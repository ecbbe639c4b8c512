// Letters NFKD does not decompose into ASCII, folded by hand.
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  '&': ' and ',
};

export const DEFAULT_SLUG_MAX_LENGTH = 80;

/** Cuts at a hyphen boundary when possible so slugs never end in half a word. */
function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const boundary = slug.charAt(maxLength) === '-' ? maxLength : cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}

/**
 * ASCII, lower-case, words joined by single hyphens, at most maxLength characters. Apostrophes
 * vanish ("Joe's" → "joes"); accents fold ("São Paulo" → "sao-paulo"). May return '' when the
 * text has no ASCII-foldable letters or digits.
 */
export function slugify(text: string, maxLength = DEFAULT_SLUG_MAX_LENGTH): string {
  const folded = text
    .replace(/[ßẞæÆœŒøØđĐðÐłŁþÞıħĦ&]/g, (ch) => SPECIAL_FOLDS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ]/g, '');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return truncateSlug(slug, maxLength);
}

/**
 * `base` if free, otherwise base-2, base-3, … — trimming base so the suffix still fits maxLength.
 * An empty base becomes "untitled". `taken` is not modified: add the result before the next call.
 */
export function uniqueSlug(
  base: string,
  taken: ReadonlySet<string>,
  maxLength = DEFAULT_SLUG_MAX_LENGTH,
): string {
  const root = truncateSlug(base === '' ? 'untitled' : base, maxLength);
  if (!taken.has(root)) return root;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${truncateSlug(root, maxLength - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
