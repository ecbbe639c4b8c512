/**
 * "January 5, 2026" for a page's publication date. Built once: constructing an Intl.DateTimeFormat costs about
 * as much as the rest of an article's body, and every article and post page shows one date.
 */
const LONG_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export function formatPublishedDate(iso: string): string {
  return LONG_DATE.format(new Date(iso));
}
