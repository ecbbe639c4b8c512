import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time check of a presented god token. Both sides are hashed first so the comparison always runs on
 * two 32-byte digests: `timingSafeEqual` needs equal lengths, and comparing lengths directly would leak the
 * configured token's length.
 */
export function godTokenMatches(configured: string, presented: string): boolean {
  const expected = createHash('sha256').update(configured, 'utf8').digest();
  const actual = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(expected, actual) && configured.length > 0;
}
