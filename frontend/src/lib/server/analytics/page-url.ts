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

const utmValue = (url: URL, key: string) => url.searchParams.get(key)?.trim().slice(0, 200) || null;

/**
 * Null when the URL is not an http(s) page of this site (another site must not be able to pour pageviews into
 * this one's dashboard). The stored URL drops the fragment; self-referrals count as direct (no referrer).
 */
export function pageContext(
  rawUrl: string,
  rawReferrer: string | null | undefined,
  siteHosts: readonly string[],
): PageContext | null {
  const url = parseUrl(rawUrl);
  if (!url || !isOwnHost(url.hostname, siteHosts)) return null;
  url.hash = '';
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
