/**
 * Grammar that survives spinning: a spun article is stitched from independent choices, so an
 * option written after "a" may start with a vowel, an empty option leaves two spaces or a space
 * before a full stop, and two adjacent choices may end and start with the same word. polishProse
 * repairs exactly these seams in HTML, touching text only: tags (and their attributes) pass through
 * unchanged and in order.
 *
 * Invariants (property-tested): idempotent; the sequence of tags is unchanged; only the letters and
 * spacing described below change.
 */

/** Stand-ins for tags while the text is repaired: blocks start a sentence, inline tags do not. */
const BLOCK_MARK = '\uE000';
const INLINE_MARK = '\uE001';
const INLINE_TAGS: ReadonlySet<string> = new Set(['a', 'strong', 'em', 'b', 'i', 'span', 'abbr', 'code']);

/** Consonant-letter words read with a vowel sound. */
const SILENT_H = /^(hour|honest|honou?r|heir)/i;
/** Vowel-letter words read with a consonant sound ("a unique", "a one-day", "a European"). */
const CONSONANT_SOUND_VOWEL =
  /^(uni(?!nsur|nspect|nstall|nterest|nvit|nform|nhabit|ntend|mport|mpress|dent|nvolv)|use|usu|uti|ure|eu|one\b|once\b|ewe)/i;
/** Capital letters whose name starts with a vowel sound: "an FAQ", "an HVAC", "an X-ray". */
const VOWEL_SOUND_LETTERS = 'AEFHILMNORSX';

/** Whether `word` is read starting with a vowel sound (English, good enough for headings and prose). */
export function startsWithVowelSound(word: string): boolean {
  const first = word.charAt(0);
  if (first === '') return false;
  if (/[0-9]/.test(first)) return /^(8|1[18](?![0-9])|1[18],[0-9]{3}(?![0-9]))/.test(word);
  const letters = word.match(/^[A-Za-z]+/)?.[0] ?? '';
  // An initialism (all capitals, or a single capital before a hyphen) is spelled letter by letter.
  if (
    letters.length > 0 &&
    letters === letters.toUpperCase() &&
    (letters.length > 1 || /^[A-Z]-/.test(word))
  ) {
    return VOWEL_SOUND_LETTERS.includes(letters.charAt(0));
  }
  if (SILENT_H.test(word)) return true;
  if (!/^[aeiou]/i.test(word)) return false;
  return !CONSONANT_SOUND_VOWEL.test(word);
}

/** Doubling these is grammatical ("had had", "that that"). */
const DOUBLES_ALLOWED: ReadonlySet<string> = new Set(['had', 'that']);

const tagName = (tag: string): string =>
  (tag.match(/^<\/?\s*([A-Za-z][A-Za-z0-9]*)/)?.[1] ?? '').toLowerCase();

function repairText(text: string): string {
  const gap = `(?:[ \\t]|${INLINE_MARK})`;
  return (
    text
      // Runs of spaces (an empty option, a space on both sides of an inline tag).
      .replace(/[ \t]{2,}/g, ' ')
      .replace(new RegExp(`[ \\t]+(${INLINE_MARK}+)[ \\t]+`, 'g'), ' $1')
      // No space before punctuation, none just inside a block.
      .replace(new RegExp(`[ \\t]+(${INLINE_MARK}*)(?=[,.;:!?])`, 'g'), '$1')
      .replace(new RegExp(`${BLOCK_MARK}[ \\t]+`, 'g'), BLOCK_MARK)
      .replace(new RegExp(`[ \\t]+${BLOCK_MARK}`, 'g'), BLOCK_MARK)
      // Doubled punctuation, a comma or colon left before a full stop, "?." and "!.".
      .replace(/([,;:!?])(?:[ \t]*\1)+/g, '$1')
      .replace(/(?<!\.)\.\.(?!\.)/g, '.')
      .replace(/[,;:][ \t]*([.!?])/g, '$1')
      .replace(/([!?])\./g, '$1')
      // Doubled words: the second copy goes, whatever its case.
      .replace(
        new RegExp(`(?<![\\p{L}\\p{N}'])([\\p{L}\\p{N}']+)(${gap}+)\\1(?![\\p{L}\\p{N}'])`, 'giu'),
        (whole, word: string, between: string) =>
          DOUBLES_ALLOWED.has(word.toLowerCase()) ? whole : `${word}${between.replace(/[ \t]/g, '')}`,
      )
      // a/an agreement with the next word's sound.
      .replace(
        new RegExp(
          `(?<![\\p{L}\\p{N}'&#-])(a|an|A|An|AN)(${gap}+)(?=([\\p{L}\\p{N}][\\p{L}\\p{N}'-]*))`,
          'gu',
        ),
        (whole, article: string, between: string, next: string) => {
          // A capital "A" before a capitalised word may be a letter ("Plan A Roofing"), not the article.
          if (!/[ \t]/.test(between) || (article !== article.toLowerCase() && /^\p{Lu}/u.test(next)))
            return whole;
          const wanted = startsWithVowelSound(next) ? 'an' : 'a';
          if (article.toLowerCase() === wanted) return whole;
          const cased =
            article === 'AN' ? 'A' : article.charAt(0) === 'A' ? wanted.replace('a', 'A') : wanted;
          return `${cased}${between}`;
        },
      )
      // A capital at the start of every block and after every sentence end.
      .replace(
        new RegExp(`(^|${BLOCK_MARK})(${INLINE_MARK}*)(\\p{Ll})`, 'gu'),
        (_whole, start: string, inline: string, letter: string) => `${start}${inline}${letter.toUpperCase()}`,
      )
      .replace(
        new RegExp(`((?<!\\.\\.)[.!?]["')\\u201d]?)(${INLINE_MARK}*[ \\t]${gap}*)(\\p{Ll})`, 'gu'),
        (_whole, end: string, between: string, letter: string) => `${end}${between}${letter.toUpperCase()}`,
      )
      .replace(/[ \t]{2,}/g, ' ')
  );
}

/**
 * Repairs the seams spinning leaves in HTML: a/an agreement, a capital at the start of each block
 * and sentence, doubled words, runs of spaces, space before punctuation and doubled punctuation.
 * Comments and text inside tags are never changed.
 */
export function polishProse(html: string): string {
  const tags: string[] = [];
  // The stand-ins are private-use characters; any in the input are dropped so they cannot be confused.
  const marked = html.replace(/[\uE000\uE001]/g, '').replace(/<!--[\s\S]*?-->|<[^>]*>/g, (tag) => {
    tags.push(tag);
    return INLINE_TAGS.has(tagName(tag)) ? INLINE_MARK : BLOCK_MARK;
  });
  // One repair can expose another ("?.?" → "??" → "?"); a few rounds reach the fixed point.
  let repaired = repairText(marked);
  for (let round = 0; round < 4; round += 1) {
    const again = repairText(repaired);
    if (again === repaired) break;
    repaired = again;
  }
  let next = 0;
  return repaired.replace(new RegExp(`[${BLOCK_MARK}${INLINE_MARK}]`, 'g'), () => tags[next++] as string);
}
