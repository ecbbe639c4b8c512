import { createHash } from 'node:crypto';
import { knownInlineScriptHashes } from './inline-scripts.js';

/**
 * Content-Security-Policy for tenant pages. Scripts may come from the site itself, from the https origins its
 * globals allow (`allowed_script_sources`), and inline only when they are one of the scripts the code ships
 * (by hash, computed once at start — see inline-scripts.ts). Nothing is derived from the rendered page, so a
 * cached page and its header always agree, and content cannot vouch for its own scripts.
 */
const ORIGIN = /^https:\/\/[a-z0-9.-]+(?::\d{1,5})?$/;

export function contentSecurityPolicy(allowedScriptSources: readonly string[]): string {
  const origins = allowedScriptSources.filter((source) => ORIGIN.test(source));
  return [
    ["script-src 'self'", ...origins, ...knownInlineScriptHashes()].join(' '),
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
