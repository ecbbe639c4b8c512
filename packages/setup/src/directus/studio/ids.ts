import { createHash } from 'node:crypto';

/** A stable uuid for a named Studio item (md5 shaped as a uuid), so provisioning upserts instead of duplicating. */
export function studioId(name: string): string {
  const hex = createHash('md5').update(`spark:studio:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
