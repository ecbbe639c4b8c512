// Spark tenant service worker: caches static assets and shows the site's offline page when a navigation
// fails. Served from each tenant's own origin, so every site gets its own caches and offline page.
const VERSION = 'spark-sw-2';
const STATIC_CACHE = `${VERSION}-static`;
const PAGES_CACHE = `${VERSION}-pages`;
const OFFLINE_URL = '/offline';
// Build assets carry a content hash in their name and never change: cache-first. Other images and fonts
// (tenant brand files) may be replaced in place: served from cache while refreshed in the background.
// Everything else, the tracker script included, always goes to the network.
const HASHED_ASSET = /^\/_astro\//;
const MEDIA = /\.(?:svg|png|jpe?g|webp|avif|gif|ico|woff2?)$/;
const isCacheable = (path) => HASHED_ASSET.test(path) || MEDIA.test(path);

/** The offline page and every same-origin asset it references, so it renders styled without a network. */
async function precacheOfflinePage() {
  const pages = await caches.open(PAGES_CACHE);
  const response = await fetch(OFFLINE_URL, { cache: 'reload' });
  if (!response.ok) throw new Error(`offline page answered ${response.status}`);
  const html = await response.clone().text();
  await pages.put(OFFLINE_URL, response);
  const assets = new Set();
  for (const match of html.matchAll(/(?:href|src)="(\/[^"/][^"]*)"/g)) {
    if (isCacheable(match[1])) assets.add(match[1]);
  }
  const statics = await caches.open(STATIC_CACHE);
  await statics.addAll([...assets]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheOfflinePage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => !key.startsWith(VERSION)).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

async function fetchAndStore(request) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function cacheFirst(request) {
  return (await caches.match(request)) ?? fetchAndStore(request);
}

/** The cached copy at once (or the network's when there is none); the cache is refreshed either way. */
function staleWhileRevalidate(event) {
  const fresh = fetchAndStore(event.request);
  event.waitUntil(fresh.catch(() => undefined));
  event.respondWith(caches.match(event.request).then((cached) => cached ?? fresh));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_URL, { cacheName: PAGES_CACHE })));
    return;
  }
  if (HASHED_ASSET.test(url.pathname)) event.respondWith(cacheFirst(request));
  else if (MEDIA.test(url.pathname)) staleWhileRevalidate(event);
});
