import { ATTRIBUTION_KEYS } from '@spark/contracts/attribution';

/** What the server derives from the page URL and referrer a tracker reports (pure). */
export interface PageContext {
  url: string;
  path: string;
  referrer_host: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
}

const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

export function isOwnHost(host: string, siteHosts: readonly string[]): boolean {
  const bare = bareHost(host);
  return siteHosts.some((h) => bareHost(h) === bare);
}

function parseUrl(value: string | null | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const KEPT_PARAMETERS = new Set<string>(ATTRIBUTION_KEYS);

/**
 * The URL without anything a visitor may have typed: a form that fell back to GET puts names, e-mails and
 * phone numbers in the query string, and a search box its terms. Only the campaign tags and click ids —
 * set by whoever linked here, not by the visitor — are kept, and the fragment is dropped.
 */
export function withoutPersonalData(url: URL): URL {
  const clean = new URL(url.href);
  clean.hash = '';
  clean.search = '';
  for (const [key, value] of url.searchParams)
    if (KEPT_PARAMETERS.has(key)) clean.searchParams.append(key, value);
  return clean;
}

/** `withoutPersonalData` for a URL string; null when it is not an http(s) URL. */
export function storablePageUrl(raw: string | null | undefined): string | null {
  const url = parseUrl(raw);
  return url ? withoutPersonalData(url).toString().slice(0, 2048) : null;
}

const utmValue = (url: URL, key: string) => url.searchParams.get(key)?.trim().slice(0, 200) || null;

/**
 * Null when the URL is not an http(s) page of this site (another site must not be able to pour pageviews into
 * this one's dashboard). The stored URL keeps only campaign parameters (`withoutPersonalData`); self-referrals
 * count as direct (no referrer).
 */
export function pageContext(
  rawUrl: string,
  rawReferrer: string | null | undefined,
  siteHosts: readonly string[],
): PageContext | null {
  const parsed = parseUrl(rawUrl);
  if (!parsed || !isOwnHost(parsed.hostname, siteHosts)) return null;
  const url = withoutPersonalData(parsed);
  const referrer = parseUrl(rawReferrer);
  const referrerHost =
    referrer && !isOwnHost(referrer.hostname, siteHosts) ? bareHost(referrer.hostname) : null;
  const context: PageContext = {
    url: url.toString().slice(0, 2048),
    path: url.pathname.slice(0, 2048) || '/',
    referrer_host: referrerHost,
    utm_source: null,
    utm_medium: null,
    utm_campaign: null,
    utm_term: null,
    utm_content: null,
  };
  for (const key of UTM_KEYS) context[key] = utmValue(url, key);
  return context;
}
