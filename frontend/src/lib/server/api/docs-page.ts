import { AppError } from '@spark/contracts';
import type { APIRoute } from 'astro';
import { serverEnv } from '../env.js';
import { errorResponse } from '../http.js';
import { normalizeHost } from '../tenancy/host.js';
import { openApiDocument } from './openapi.js';

/**
 * The API reference at `/api/docs` (a page) and `/api/docs/openapi.json`, on the platform host only: tenant
 * domains serve their own site and nothing about the platform. The page is rendered on the server from the
 * OpenAPI document and needs no script, so it works offline and under a CSP that forbids scripts.
 */
type Json = Record<string, unknown>;

let document: Json | undefined;
const apiDocument = () => {
  document ??= openApiDocument();
  return document;
};

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-robots-tag': 'noindex',
};

/** Answers only on the platform host; elsewhere a 404 in the envelope, like any unknown route. */
export const platformOnly =
  (serve: () => Response): APIRoute =>
  ({ request }) => {
    const host = normalizeHost(request.headers.get('host'));
    if (!host || host !== normalizeHost(serverEnv().PUBLIC_PLATFORM_HOST))
      return errorResponse(
        new AppError('NOT_FOUND', 'The API reference is served on the platform host only'),
      );
    return serve();
  };

export const openApiResponse = () =>
  new Response(JSON.stringify(apiDocument()), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
  });

export const referencePageResponse = () =>
  new Response(referencePage(apiDocument()), { headers: PAGE_HEADERS });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Inline `code` spans of the summaries, the only markup they use. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const schemaBlock = (schema: unknown) => `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;

const anchor = (operationId: string) => operationId.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function operationHtml(method: string, path: string, op: Json): string {
  const id = anchor(String(op.operationId));
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = (op.requestBody as { content: Record<string, { schema: unknown }> } | undefined)?.content[
    'application/json'
  ];
  const responses = Object.entries(op.responses as Record<string, Json>);
  const auth = (op.security as unknown[]).length ? 'admin: Bearer token or session cookie' : 'public';
  return `<details id="${id}"><summary><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> <span class="s">${prose(String(op.summary))}</span></summary>
<p class="meta">Auth: ${auth} · Host: ${escapeHtml(String(op['x-spark-host']))} · <a href="#${id}">link</a></p>
${
  params.length
    ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Required</th><th>Schema</th></tr>${params
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('')}</table>`
    : ''
}
${body ? `<h4>Request body (application/json)</h4>${schemaBlock(body.schema)}` : ''}
<h4>Responses</h4>${responses
    .map(([status, response]) => {
      if ('$ref' in response) return `<p><b>${status}</b> the error envelope</p>`;
      const content = response.content as Record<string, { schema: unknown }> | undefined;
      const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
      return `<p><b>${status}</b> ${escapeHtml(String(response.description))}${mediaType ? ` · ${mediaType}` : ''}</p>${
        mediaType === 'application/json' && media ? schemaBlock(media.schema) : ''
      }`;
    })
    .join('')}
</details>`;
}

export function referencePage(doc: Json): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags as string[])[0] ?? 'api';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const info = doc.info as { title: string; description: string };
  const sections = [...byTag]
    .map(
      ([tag, ops]) =>
        `<section id="tag-${anchor(tag)}"><h2>${escapeHtml(tag)}</h2>${ops.join('\n')}</section>`,
    )
    .join('\n');
  const toc = [...byTag.keys()]
    .map((tag) => `<a href="#tag-${anchor(tag)}">${escapeHtml(tag)}</a>`)
    .join(' · ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info.title)} reference</title><meta name="robots" content="noindex">
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2937;line-height:1.45}
details{border:1px solid #d1d5db;border-radius:.4rem;margin:.4rem 0;padding:.3rem .7rem}
details[open]{background:#f9fafb}summary{cursor:pointer}summary code{font-weight:600}
.s{color:#4b5563}.m{display:inline-block;min-width:4.2rem;font:600 .8rem ui-monospace,monospace;text-align:center;border-radius:.25rem;padding:.05rem .3rem;color:#fff;background:#4b5563}
.m-get{background:#2563eb}.m-post{background:#15803d}.m-patch{background:#b45309}.m-delete{background:#b91c1c}
pre{background:#111827;color:#e5e7eb;padding:.6rem;border-radius:.3rem;overflow:auto;max-height:24rem;font-size:.8rem}
table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #e5e7eb;padding:.2rem .4rem;text-align:left;vertical-align:top}
.meta{font-size:.85rem;color:#4b5563}
</style></head><body>
<h1>${escapeHtml(info.title)}</h1><p>${prose(info.description)}</p>
<p>Machine-readable: <a href="/api/docs/openapi.json">OpenAPI 3.1 document</a>. Sections: ${toc}</p>
${sections}
</body></html>`;
}
