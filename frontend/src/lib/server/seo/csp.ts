import { createHash } from 'node:crypto';

/**
 * Content-Security-Policy for tenant pages. Scripts may come from the site itself and from the https origins
 * its globals allow (`allowed_script_sources`), nothing else; inline scripts (Astro's island bootstrap, the
 * service-worker registration) are allowed by hash, added after rendering when the HTML is known.
 */
const ORIGIN = /^https:\/\/[a-z0-9.-]+(?::\d{1,5})?$/;
const SCRIPT_SRC_MARKER = 'script-src';

export function contentSecurityPolicy(allowedScriptSources: readonly string[]): string {
  const origins = allowedScriptSources.filter((source) => ORIGIN.test(source));
  return [
    `${SCRIPT_SRC_MARKER} 'self' ${origins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Hashes of the executable inline scripts in a document (JSON-LD and other data blocks are not scripts). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript')
      continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** The policy with the document's inline-script hashes appended to script-src. */
export function withInlineScriptHashes(policy: string, hashes: readonly string[]): string {
  if (hashes.length === 0) return policy;
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith(`${SCRIPT_SRC_MARKER} `) || trimmed === SCRIPT_SRC_MARKER
        ? `${trimmed} ${hashes.join(' ')}`
        : trimmed;
    })
    .join('; ');
}
