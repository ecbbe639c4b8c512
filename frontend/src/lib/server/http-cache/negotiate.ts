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
  return chooseAvailableEncoding(acceptEncoding, ['br', 'gzip']);
}

/**
 * The same preference among the codings actually on hand (precompressed files may lack one): the first of
 * `available` (in preference order) the client accepts, else identity.
 */
export function chooseAvailableEncoding(
  acceptEncoding: string | null,
  available: readonly Exclude<Encoding, 'identity'>[],
): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  return available.find((coding) => weight(coding) > 0) ?? 'identity';
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
