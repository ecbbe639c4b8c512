import { htmlToText } from '@spark/core';

/**
 * The lead under an article's or post's title, unless it only repeats how the body begins. Generated
 * excerpts are the first paragraph cut at a word with an ellipsis; shown above that very paragraph they
 * read as a stutter, so such an excerpt is kept for meta descriptions and cards, not for the hero.
 */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function heroLead(excerpt: string | null | undefined, bodyHtml: string): string | null {
  const lead = excerpt?.trim();
  if (!lead) return null;
  const stem = normalise(lead.replace(/(…|\.\.\.)$/, ''));
  if (stem === '') return null;
  const opening = normalise(htmlToText(bodyHtml).slice(0, lead.length + 200));
  return opening.startsWith(stem) ? null : lead;
}
