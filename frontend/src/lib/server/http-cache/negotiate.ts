/** HTTP content negotiation and validators, pure so every rule is unit-tested. */

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bodies smaller than this gain nothing worth the CPU and the extra round of headers. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(xml|json|javascript|manifest\+json|ld\+json)|image\/svg\+xml)/i;

export function isCompressible(contentType: string | null, bytes: number): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType) && bytes >= MIN_COMPRESSIBLE_BYTES;
}

/** Brotli when accepted, else gzip, else identity; `q=0` refuses a coding, as RFC 9110 says. */
export function chooseEncoding(acceptEncoding: string | null): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/** A strong validator per representation: the compressed bodies differ, so their tags must too. */
export function etagFor(hash: string, encoding: Encoding): string {
  return encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
