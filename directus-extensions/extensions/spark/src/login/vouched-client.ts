import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_PROOF_CONTEXT,
  CLIENT_ADDRESS_PROOF_HEADER,
} from '@spark/contracts';

type Headers = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * The visitor address a trusted server (the frontend's admin sign-in) vouches for, or undefined: the proof is an
 * HMAC of the address keyed by the admin token, which only our own servers hold. Anyone else's header is ignored.
 */
export function vouchedClientAddress(headers: Headers, adminToken: string | undefined): string | undefined {
  const address = single(headers[CLIENT_ADDRESS_HEADER]);
  const proof = single(headers[CLIENT_ADDRESS_PROOF_HEADER]);
  if (!adminToken || !address || !proof || isIP(address) === 0) return undefined;
  const expected = createHmac('sha256', `${CLIENT_ADDRESS_PROOF_CONTEXT}:${adminToken}`)
    .update(address)
    .digest();
  const presented = Buffer.from(proof, 'hex');
  return presented.length === expected.length && timingSafeEqual(presented, expected) ? address : undefined;
}
