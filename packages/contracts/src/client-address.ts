/**
 * The frontend signs people in to Directus from its own server, so Directus sees every admin sign-in coming from
 * the frontend's address: a per-address login throttle would then let ten wrong passwords lock every marketer
 * out. The frontend therefore names the visitor's address in these headers, with an HMAC proof keyed by a secret
 * both servers hold; Directus counts the attempt under that address only when the proof is right.
 */
export const CLIENT_ADDRESS_HEADER = 'x-spark-client-address';
export const CLIENT_ADDRESS_PROOF_HEADER = 'x-spark-client-proof';
/** Mixed into the HMAC key so the proof can never double as anything else signed with the same secret. */
export const CLIENT_ADDRESS_PROOF_CONTEXT = 'spark:client-address:v1';

/**
 * The unit a per-client budget (rate limit, login throttle) is kept for: an IPv4 address (also when written
 * IPv4-mapped), or an IPv6 /64. One IPv6 subscriber usually holds a whole /64 and can take a new address from
 * it for every request, so counting single IPv6 addresses would hand out 2^64 fresh budgets. Expects an address
 * already read from a socket or a trusted header; anything without a colon is returned unchanged.
 */
export function addressBucket(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!bare.includes(':')) return bare;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  let text = bare;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<number>(Math.max(0, 8 - left.length - right.length)).fill(0), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
