// Spark's first-party tracker, served minified from the site's own host at /js/site.js (budget: < 1 KB gzipped,
// asserted by tests). No cookies, no storage, no identifiers: the server derives the visitor's daily hash,
// device and referrer host from the request itself. This file is the source; it is never bundled.
type SparkCommand = (command: string, subject?: unknown, details?: Record<string, unknown>) => void;
type SparkWindow = Window & { spark?: SparkCommand & { q?: ArrayLike<unknown>[] } };

((w: SparkWindow, d: Document, nav: Navigator & { globalPrivacyControl?: boolean }) => {
  const script = d.currentScript;
  const endpoint = `${script?.getAttribute('data-api') ?? '/api/track'}/`;
  // The site opted in to honouring Do-Not-Track / Global Privacy Control: then nothing is ever sent.
  const optedOut =
    !!script?.hasAttribute('data-respect-dnt') &&
    (nav.doNotTrack === '1' || nav.globalPrivacyControl === true);
  let lastPage = '';

  // Only campaign tags and click ids leave the page: a query string may hold what a visitor typed into a
  // form that fell back to GET (names, e-mails), which must never reach analytics. The server strips too.
  const pageUrl = () => {
    const url = new URL(location.href);
    const kept = new URLSearchParams();
    url.searchParams.forEach((value, key) => {
      if (/^(utm_(source|medium|campaign|term|content)|gclid|fbclid|msclkid)$/.test(key))
        kept.append(key, value);
    });
    url.search = `${kept}`;
    url.hash = '';
    return url.href;
  };

  const send = (kind: string, data: Record<string, unknown>) => {
    if (optedOut) return;
    data.url = pageUrl();
    const body = JSON.stringify(data);
    // sendBeacon survives page unloads and sends text/plain, which needs no CORS preflight.
    if (!nav.sendBeacon?.(endpoint + kind, body)) {
      fetch(endpoint + kind, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {});
    }
  };

  const pageview = () => {
    const page = location.pathname + location.search;
    // Hash changes and pushState to the same address are not new pages.
    if (page === lastPage) return;
    // Only the landing page has an outside referrer; later SPA pages were reached from this site.
    send('pageview', { referrer: lastPage ? null : d.referrer || null });
    lastPage = page;
  };

  const spark: SparkCommand = (command, subject, details) => {
    if (command === 'event') send('event', { name: subject, props: details });
    else if (command === 'conversion') send('conversion', { ...details, type: subject });
    else if (command === 'pageview') pageview();
  };

  // Declarative helpers: <a data-spark-event="cta"> and <a href="tel:…" data-spark-conversion="call">.
  d.addEventListener(
    'click',
    (event) => {
      const el = (event.target as Element | null)?.closest?.('[data-spark-event],[data-spark-conversion]');
      const name = el?.getAttribute('data-spark-event');
      const type = el?.getAttribute('data-spark-conversion');
      if (name) spark('event', name);
      if (type) spark('conversion', type);
    },
    true,
  );

  // SPA navigation: the History API changes the address without a page load.
  const push = history.pushState;
  history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
    push.apply(this, args);
    pageview();
  };
  w.addEventListener('popstate', pageview);

  // Calls made before this script loaded were queued by the inline stub.
  const queued = w.spark?.q ?? [];
  w.spark = spark;
  pageview();
  for (const args of Array.from(queued)) spark(...(Array.from(args) as Parameters<SparkCommand>));
})(window, document, navigator);
