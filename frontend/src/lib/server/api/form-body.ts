import { AppError } from '@spark/contracts';
import { payloadTooLarge, refuseNulCharacters } from './body.js';
import type { EndpointCall, EndpointReply } from './endpoint.js';

/**
 * Bodies an HTML `<form method="post">` sends when no script takes over (JavaScript off, or not loaded yet).
 * Values are flat strings by name; a name sent twice keeps its first value. Files are refused: no public form
 * takes uploads.
 */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
const MAX_FIELDS = 60;

const mediaType = (headers: EndpointCall['headers']) =>
  (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export function isFormPost(call: Pick<EndpointCall, 'method' | 'headers'>): boolean {
  return call.method === 'POST' && FORM_TYPES.has(mediaType(call.headers));
}

export async function readFormBody(
  call: Pick<EndpointCall, 'headers' | 'readBody'>,
  limit: number,
): Promise<Record<string, string>> {
  const declared = Number(call.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  const text = await call.readBody(limit);
  let entries: [string, FormDataEntryValue][];
  if (mediaType(call.headers) === 'multipart/form-data') {
    try {
      const form = await new Response(text, {
        headers: { 'content-type': call.headers.get('content-type') ?? '' },
      }).formData();
      entries = [...form.entries()];
    } catch {
      throw new AppError('BAD_REQUEST', 'The multipart body could not be read; check its boundary');
    }
  } else {
    entries = [...new URLSearchParams(text).entries()];
  }
  if (entries.length > MAX_FIELDS) throw new AppError('BAD_REQUEST', `At most ${MAX_FIELDS} form fields`);
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'string') throw new AppError('BAD_REQUEST', 'Files are not accepted here');
    if (!(name in values)) values[name] = value;
  }
  refuseNulCharacters(values, 'Form field');
  return values;
}

/** The path of a page of this site (never its query, which may hold what the visitor typed). */
function sitePathOf(referer: string | null, siteHosts: readonly string[]): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return siteHosts.includes(url.hostname.replace(/^www\./, '')) ? url.pathname : null;
  } catch {
    return null;
  }
}

/** `reply` (the JSON failure, for its status and headers) as the HTML page a form post gets instead. */
export function formErrorReply(
  reply: EndpointReply,
  error: AppError,
  referer: string | null,
  siteHosts: readonly string[],
): EndpointReply {
  return {
    status: reply.status,
    headers: { ...reply.headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: formErrorPage(error, sitePathOf(referer, siteHosts)),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a form post that failed: a readable page in the site's language of errors, saying what to
 * fix, with the way back to the form. No data from the submission is echoed into the page or a URL.
 */
export function formErrorPage(error: AppError, backPath: string | null): string {
  const issues =
    (error.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues ?? [];
  const items = issues
    .filter((issue) => typeof issue.path === 'string' && typeof issue.message === 'string')
    .map(
      (issue) =>
        `<li><strong>${escapeHtml(String(issue.path).replace(/^fields\./, ''))}</strong>: ${escapeHtml(String(issue.message))}</li>`,
    )
    .join('');
  const heading =
    error.status === 429
      ? 'Too many attempts'
      : error.status >= 500
        ? 'Something went wrong'
        : 'Your message was not sent';
  const back = backPath ?? '/';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title><meta name="robots" content="noindex"></head>
<body style="font-family:system-ui;margin:4rem auto;max-width:36rem;padding:0 1rem;line-height:1.5">
<h1>${heading}</h1><p>${escapeHtml(error.message)}</p>${items ? `<ul>${items}</ul>` : ''}
<p><a href="${escapeHtml(back)}">Go back to the form</a> (your browser's back button keeps what you typed).</p>
</body></html>`;
}
