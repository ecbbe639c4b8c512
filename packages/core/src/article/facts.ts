/**
 * Place and business facts written into articles as variables. Every value is derived from data
 * (the geography, the site's settings), never invented, so a sentence that uses them is true for
 * every place it is generated for.
 */

/**
 * Article variables that, like `{City}`, need the article's place (for missingLocationTokens'
 * `extraLocationVariables`): a campaign without a location cannot fill them.
 */
export const PLACE_FACT_VARIABLES: readonly string[] = ['population', 'nearby_cities'];

/** Facts about the site's business, from its settings. */
export interface BusinessFacts {
  readonly name: string;
  /** As stored, e.g. `+1-512-555-0142`; shown formatted and linked as `tel:`. */
  readonly phone?: string | null;
  readonly serviceArea?: string | null;
  readonly license?: string | null;
  /** Site-relative path of the page with the lead form, e.g. `/contact`. */
  readonly contactPath?: string | null;
}

/** `961855` → `961,855` (en-US grouping, independent of the process locale). */
export function formatPopulation(population: number): string {
  return String(Math.round(population)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `["A"]` → `A`; `["A", "B"]` → `A and B`; `["A", "B", "C"]` → `A, B and C`. */
export function joinEnglishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A phone number as people read it and as a `tel:` target: a North American number becomes
 * `(512) 555-0142` and `+15125550142`; anything else is shown as written, dialled as its digits.
 */
export function formatPhone(phone: string): { display: string; href: string } {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  // Ten digits without a country code, or eleven starting with 1, are North American.
  if (national.length === 10 && !(digits.length === 10 && phone.trim().startsWith('+'))) {
    return {
      display: `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`,
      href: `+1${national}`,
    };
  }
  return { display: phone.trim(), href: `${phone.trim().startsWith('+') ? '+' : ''}${digits}` };
}

/** English plural of the last word of a noun phrase: `roof owner` → `roof owners`, `family` → `families`. */
export function pluralise(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/**
 * An audience (avatar) name as it reads mid-sentence: `Storm-Hit Homeowner` → `storm-hit homeowner`.
 * Words written in capitals (`HOA Board`) keep them.
 */
export function audienceNoun(name: string): string {
  return name
    .trim()
    .split(/(\s+|-)/)
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()))
    .join('');
}
