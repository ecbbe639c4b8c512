import { createHash } from 'node:crypto';

/**
 * The daily visitor identity: no cookie, no stored IP. The same person on the same day and site hashes alike;
 * across sites or days the hashes are unrelated, and once the salt is deleted nobody can recompute them.
 */
export function visitorHash(salt: string, siteId: string, ip: string, userAgent: string): string {
  return createHash('sha256').update(`${salt}\n${siteId}\n${ip}\n${userAgent}`).digest('hex').slice(0, 32);
}
