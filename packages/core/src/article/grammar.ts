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

/** Whether a tag (`<strong>`, `</a>`) is an inline element; read by character code, once per tag. */
function isInlineTag(tag: string): boolean {
  let start = 1;
  if (tag.charCodeAt(start) === 47) start += 1; // "/"
  let end = start;
  while (end < tag.length) {
    const code = tag.charCodeAt(end) | 0x20;
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57 && end > start))) break;
    end += 1;
  }
  return end > start && INLINE_TAGS.has(tag.slice(start, end).toLowerCase());
}

// Latin letters and digits (the content is English): plain character classes keep these scans linear and
// fast, where Unicode property escapes with lookbehinds cost milliseconds per article.
const W = 'A-Za-z0-9\\u00C0-\\u024F';
const GAP = `[ \\t${INLINE_MARK}]`;
const SPACE_RUN = /[ \t]{2,}/g;
// A space, then inline tags with spaces among or after them: starts only where a space meets a tag.
const INLINE_RUN = new RegExp(`[ \\t]${INLINE_MARK}[ \\t${INLINE_MARK}]*`, 'g');
const SPACE_BEFORE_PUNCTUATION = new RegExp(`[ \\t]+(${INLINE_MARK}*)(?=[,.;:!?])`, 'g');
const SPACE_AFTER_BLOCK = new RegExp(`${BLOCK_MARK}[ \\t]+`, 'g');
const SPACE_BEFORE_BLOCK = new RegExp(`[ \\t]+${BLOCK_MARK}`, 'g');
const PUNCTUATION_PAIR = new RegExp(`[,;:!?.]${GAP}*[,;:!?.]`);
const DOUBLED_PUNCTUATION = /([,;:!?])(?:[ \t]*\1)+/g;
const DOUBLED_STOP = /(?<!\.)\.\.(?!\.)/g;
const PAUSE_BEFORE_STOP = /[,;:][ \t]*([.!?])/g;
const STOP_AFTER_MARK = /([!?])\./g;
const ARTICLE = new RegExp(`(?<![${W}'&#-])(a|an|A|An|AN)(${GAP}+)(?=([${W}][${W}'-]*))`, 'g');
const LOWER = 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF';
const BLOCK_START = new RegExp(`(^|${BLOCK_MARK})(${INLINE_MARK}*)([${LOWER}])`, 'g');
const SENTENCE_START = new RegExp(
  `((?<!\\.\\.)[.!?]["')\\u201d]?)(${INLINE_MARK}*[ \\t]${GAP}*)([${LOWER}])`,
  'g',
);

const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 39 ||
  (code >= 0xc0 && code <= 0x24f);
const isGapCode = (code: number): boolean => code === 32 || code === 9 || code === 0xe001;

/**
 * The second of two identical adjacent words (any case) goes, keeping any inline tag between them.
 * One scan by character code: a regex over every word cost a third of a millisecond per article.
 */
function dropDoubledWords(text: string): string {
  let out = '';
  let copied = 0;
  let previousStart = -1;
  let previousEnd = -1;
  let i = 0;
  while (i < text.length) {
    if (!isWordCode(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i += 1;
    if (previousEnd >= 0 && i - start === previousEnd - previousStart) {
      let gapOnly = previousEnd < start;
      for (let k = previousEnd; gapOnly && k < start; k += 1) gapOnly = isGapCode(text.charCodeAt(k));
      // A cheap case-folded comparison first; the exact one only for the rare candidates.
      for (let k = 0; gapOnly && k < i - start; k += 1) {
        gapOnly = (text.charCodeAt(start + k) | 0x20) === (text.charCodeAt(previousStart + k) | 0x20);
      }
      const word = gapOnly ? text.slice(start, i).toLowerCase() : '';
      if (
        gapOnly &&
        word === text.slice(previousStart, previousEnd).toLowerCase() &&
        !DOUBLES_ALLOWED.has(word)
      ) {
        out += text.slice(copied, previousEnd) + text.slice(previousEnd, start).replace(/[ \t]/g, '');
        copied = i;
      }
    }
    previousStart = start;
    previousEnd = i;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function agreeArticle(whole: string, article: string, between: string, next: string): string {
  // A capital "A" before a capitalised word may be a letter ("Plan A Roofing"), not the article.
  if (!/[ \t]/.test(between) || (article !== article.toLowerCase() && /^[A-Z\u00C0-\u00DE]/.test(next))) {
    return whole;
  }
  const wanted = startsWithVowelSound(next) ? 'an' : 'a';
  if (article.toLowerCase() === wanted) return whole;
  const cased = article === 'AN' ? 'A' : article.charAt(0) === 'A' ? wanted.replace('a', 'A') : wanted;
  return `${cased}${between}`;
}

function repairText(text: string): string {
  let repaired = text
    // Runs of spaces (an empty option, a space on both sides of an inline tag).
    .replace(SPACE_RUN, ' ')
    .replace(INLINE_RUN, (run) => {
      const marks = run.replace(/[ \t]/g, '');
      return run.length - marks.length > 1 ? ` ${marks}` : run;
    })
    // No space before punctuation, none just inside a block.
    .replace(SPACE_BEFORE_PUNCTUATION, '$1')
    .replace(SPACE_AFTER_BLOCK, BLOCK_MARK)
    .replace(SPACE_BEFORE_BLOCK, BLOCK_MARK);
  // Doubled punctuation, a comma or colon left before a full stop, "?." and "!."; one repair can
  // expose another ("?.?" → "??" → "?"), so this repeats until nothing changes.
  while (PUNCTUATION_PAIR.test(repaired)) {
    const next = repaired
      .replace(DOUBLED_PUNCTUATION, '$1')
      .replace(DOUBLED_STOP, '.')
      .replace(PAUSE_BEFORE_STOP, '$1')
      .replace(STOP_AFTER_MARK, '$1');
    if (next === repaired) break;
    repaired = next;
  }
  return (
    // Agreement first: it can turn "a an" into "an an", which the doubled-word pass then repairs.
    dropDoubledWords(repaired.replace(ARTICLE, agreeArticle))
      // A capital at the start of every block and after every sentence end.
      .replace(
        BLOCK_START,
        (_whole, start: string, inline: string, letter: string) => `${start}${inline}${letter.toUpperCase()}`,
      )
      .replace(
        SENTENCE_START,
        (_whole, end: string, between: string, letter: string) => `${end}${between}${letter.toUpperCase()}`,
      )
      .replace(SPACE_RUN, ' ')
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
    return isInlineTag(tag) ? INLINE_MARK : BLOCK_MARK;
  });
  const repaired = repairText(marked);
  let next = 0;
  return repaired.replace(new RegExp(`[${BLOCK_MARK}${INLINE_MARK}]`, 'g'), () => tags[next++] as string);
}
