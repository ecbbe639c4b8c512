import { addressBucket } from '@spark/contracts';

/** The unit a per-client budget is kept for: an IPv4 address or an IPv6 /64 (`addressBucket`); never throws. */
export function clientBucket(ip: string | undefined): string {
  return ip ? addressBucket(ip) : 'unknown';
}
