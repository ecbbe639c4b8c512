import { escapeHtml } from '../html/entities.js';
import { safeHref } from '../html/sanitizeHtml.js';
import { tokenizeHtml } from '../html/tokenize.js';
import { type AnchorMatch, findAnchorMatches } from './anchorMatches.js';

export interface LinkTarget {
  readonly id: string;
  readonly url: string;
  /** Anchor phrases to look for in the text; several allow varied anchors. */
  readonly anchors: readonly string[];
}

export interface PlanInternalLinksOptions {
  /** Default 5. */
  readonly maxLinks?: number;
  /** Minimum number of words between two inserted links; default 25. */
  readonly minWordDistance?: number;
  /** The article being linked, so it never links to itself. */
  readonly selfId?: string;
  readonly selfUrl?: string;
  /** Site-wide use count per anchor phrase (lower-cased); less-used phrases are preferred. */
  readonly anchorUsage?: ReadonlyMap<string, number>;
}

export interface PlannedLink {
  readonly targetId: string;
  readonly url: string;
  /** The configured phrase that matched (record it to vary anchors across articles). */
  readonly anchorPhrase: string;
  /** The matched text as it appears in the article. */
  readonly anchorText: string;
  /** Word position of the anchor in the article and character offset in the input HTML. */
  readonly wordIndex: number;
  readonly offset: number;
}

type Match = AnchorMatch<LinkTarget>;

/**
 * Finds anchor phrases in the article's text and links them. Rules: at most maxLinks links, at most
 * one per target, no link to the article itself or to a URL it already links to, never inside
 * h1–h6 or an existing <a> (only text is matched, so attributes are never touched), at least
 * minWordDistance words between links, and no anchor phrase twice. Targets are tried in the given
 * order (put the most relevant first); for each, the least-used phrase wins, then the earliest
 * occurrence. Expects sanitised HTML; only the inserted <a> elements change.
 */
export function planInternalLinks(
  html: string,
  targets: readonly LinkTarget[],
  options: PlanInternalLinksOptions = {},
): { html: string; links: PlannedLink[] } {
  const maxLinks = options.maxLinks ?? 5;
  const minWordDistance = options.minWordDistance ?? 25;
  const usage = options.anchorUsage ?? new Map<string, number>();
  const tokens = tokenizeHtml(html);
  const linkedUrls = new Set<string>();
  for (const token of tokens) {
    const href =
      token.type === 'startTag' && token.name === 'a'
        ? token.attributes.find((a) => a.name === 'href')
        : undefined;
    const url = href === undefined ? null : safeHref(href.value);
    if (url !== null) linkedUrls.add(url);
  }

  const eligible = targets.flatMap((target) => {
    const url = safeHref(target.url);
    const isSelf = target.id === options.selfId || url === options.selfUrl;
    return url === null || isSelf || linkedUrls.has(url) ? [] : [{ target, url, phrases: target.anchors }];
  });

  const matches = findAnchorMatches(html, tokens, eligible);
  const accepted: Match[] = [];
  const usedPhrases = new Set<string>();
  const fits = (candidate: Match): boolean =>
    !usedPhrases.has(candidate.phrase.toLowerCase()) &&
    accepted.every(
      (link) =>
        candidate.wordStart - link.wordEnd >= minWordDistance ||
        link.wordStart - candidate.wordEnd >= minWordDistance,
    );
  // Each target's matches, in the order found (one pass, not one filter of every match per target).
  const matchesOf = new Map<LinkTarget, Match[]>();
  for (const match of matches) {
    const own = matchesOf.get(match.target);
    if (own) own.push(match);
    else matchesOf.set(match.target, [match]);
  }
  for (const { target } of eligible) {
    if (accepted.length >= maxLinks) break;
    const usageOf = (match: Match): number => usage.get(match.phrase.toLowerCase()) ?? 0;
    const ranked = [...(matchesOf.get(target) ?? [])].sort(
      (a, b) => usageOf(a) - usageOf(b) || a.wordStart - b.wordStart || b.phrase.length - a.phrase.length,
    );
    const chosen = ranked.find(fits);
    if (chosen === undefined) continue;
    accepted.push(chosen);
    usedPhrases.add(chosen.phrase.toLowerCase());
  }

  accepted.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const link of accepted) {
    parts.push(
      html.slice(cursor, link.start),
      `<a href="${escapeHtml(link.url)}">`,
      html.slice(link.start, link.end),
      '</a>',
    );
    cursor = link.end;
  }
  parts.push(html.slice(cursor));
  return {
    html: parts.join(''),
    links: accepted.map((link) => ({
      targetId: link.target.id,
      url: link.url,
      anchorPhrase: link.phrase,
      anchorText: html.slice(link.start, link.end),
      wordIndex: link.wordStart,
      offset: link.start,
    })),
  };
}
