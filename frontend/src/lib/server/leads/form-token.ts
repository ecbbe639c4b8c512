import { createHmac, timingSafeEqual } from 'node:crypto';
import { serverEnv } from '../env.js';

/**
 * A form's "shown at" stamp, rendered into the page as a hidden field so the minimum fill time is measured
 * from when the server produced the form — with or without JavaScript — instead of a number the browser
 * reports. Signed, so a script cannot claim it saw the form minutes ago. The key is derived from the admin
 * token (a secret every frontend instance has) under a purpose label, so no new secret needs distributing;
 * rotating that token only makes older pages' submissions count as suspected spam, which is kept, not lost.
 */
let key: Buffer | undefined;
const signingKey = () => {
  key ??= createHmac('sha256', serverEnv().DIRECTUS_ADMIN_TOKEN).update('spark:form-shown-at:v1').digest();
  return key;
};

const signature = (siteId: string, form: string, shownAt: number) =>
  createHmac('sha256', signingKey())
    .update(`${siteId}\n${form}\n${shownAt}`)
    .digest('base64url')
    .slice(0, 32);

/** `<shownAt ms, base 36>.<signature>` for one site's form (`''` for the built-in contact fields). */
export function issueFormToken(siteId: string, form: string, shownAt = Date.now()): string {
  return `${shownAt.toString(36)}.${signature(siteId, form, shownAt)}`;
}

/** When the form was shown, or null for a token this site's form was not given. */
export function formShownAt(token: string, siteId: string, form: string): number | null {
  const match = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const shownAt = Number.parseInt(match[1], 36);
  const expected = Buffer.from(signature(siteId, form, shownAt));
  const given = Buffer.from(match[2]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? shownAt : null;
}
