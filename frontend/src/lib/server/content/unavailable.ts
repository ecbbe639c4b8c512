import { log } from '../observability/logger.js';

/**
 * The answer when content cannot be read (Directus or Redis trouble): an honest 503 the visitor can retry,
 * never a stack trace, and never cached by anyone.
 */
export function contentUnavailable(error: unknown, path: string): Response {
  log().error({ event: 'page.unavailable', path, err: error }, 'page unavailable');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"></head>
<body style="font-family:system-ui;margin:4rem auto;max-width:32rem;padding:0 1rem">
<h1>We'll be right back</h1><p>This page could not be loaded just now. Please try again in a minute.</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' },
  });
}
