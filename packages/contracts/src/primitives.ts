import { z } from 'zod';

/**
 * Shared field shapes for contracts. Every string is bounded so a blueprint or
 * block payload can never smuggle in an unbounded document.
 */

export const text = (max: number) => z.string().trim().min(1).max(max);

export const optionalText = (max: number) => z.string().trim().max(max).optional();

/** `lower-kebab` identifiers used as slugs and natural keys. */
export const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, -)');

/** Hostnames are stored lower-case without port or scheme; `www.` is stripped at lookup time. */
export const hostname = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'must be a lower-case hostname without scheme or port',
  );

export const hexColor = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour like #1a2b3c');

/**
 * Links a tenant author may put on a page. Only site-relative paths, in-page anchors and
 * http(s)/mailto/tel are allowed, which keeps `javascript:` and `data:` URLs out of rendered HTML.
 */
export const href = z
  .string()
  .min(1)
  .max(2048)
  .regex(
    /^(?:\/(?!\/)[^\s]*|#[A-Za-z][\w-]*|https?:\/\/[^\s]+|mailto:[^\s]+|tel:\+?[0-9().\s-]+)$/,
    'must be a site path (/...), an #anchor, or an http(s), mailto: or tel: URL',
  );

/** Images may be site-relative (uploads) or absolute http(s). */
export const imageUrl = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^(?:\/(?!\/)[^\s]*|https?:\/\/[^\s]+)$/, 'must be a site path (/...) or an http(s) URL');

/** A page path: `/` or `/segment/segment`, lower-case, no trailing slash. */
export const permalink = z
  .string()
  .max(255)
  .regex(
    /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/,
    'must be "/" or lower-case kebab-case segments like /about/team (no trailing slash)',
  );

export const link = z
  .object({
    label: text(80),
    url: href,
  })
  .strict();

export const image = z
  .object({
    url: imageUrl,
    alt: z.string().trim().max(200),
    caption: optionalText(300),
  })
  .strict();

/** Sanitised at render and before storage with an allow-list; the bound here only limits size. */
export const html = (max: number) => z.string().min(1).max(max);

export const isoDateTime = z.string().datetime({ offset: true });

/** Spintax variables and dictionary categories are identifiers (`{City}`, `{Roofer_Synonyms}`). */
export const identifier = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,59}$/,
    'must be an identifier (letters, digits, _), starting with a letter',
  );

export const stateCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter upper-case state code');
