import { type LookupAddress, lookup as systemLookup } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenAddressReason } from './address-policy.js';

/** A webhook host that resolved (at connect time) to an address the policy forbids. For the server log only. */
export class ForbiddenAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`webhook host ${host} resolves to a forbidden address (${address}: ${reason})`);
    this.name = 'ForbiddenAddressError';
  }
}

export type Resolver = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, callback) =>
  systemLookup(hostname, { all: true, verbatim: true }, callback);

/**
 * The `lookup` the socket itself uses to connect: every address the name resolves to is checked, and the
 * connection goes to one of those checked addresses. Checking in a separate lookup before connecting would let
 * a rebinding DNS server answer the check with a public address and the connection with 127.0.0.1.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, resolved) => {
      if (error) return callback(error, '', 0);
      const addresses =
        options.family === 4 || options.family === 6
          ? resolved.filter((entry) => entry.family === options.family)
          : resolved;
      for (const { address } of resolved) {
        const reason = forbiddenAddressReason(address);
        if (reason) return callback(new ForbiddenAddressError(hostname, address, reason), '', 0);
      }
      const first = addresses[0];
      if (!first) {
        const missing: NodeJS.ErrnoException = new Error(`no usable address for ${hostname}`);
        missing.code = 'ENOTFOUND';
        return callback(missing, '', 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

export interface GuardedPostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** Apply the address policy (production); off for development and test receivers on loopback. */
  enforcePolicy: boolean;
  resolve?: Resolver;
}

/** POSTs `body` and resolves to the response status; redirects are not followed (a 3xx is an answer). */
export function guardedPost(url: string, body: string, options: GuardedPostOptions): Promise<number> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new Error(`unsupported webhook protocol ${target.protocol}`));
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (options.enforcePolicy && isIP(host)) {
    // A literal address never goes through lookup, so it is checked here.
    const reason = forbiddenAddressReason(host);
    if (reason) return Promise.reject(new ForbiddenAddressError(host, host, reason));
  }
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
    signal: AbortSignal.timeout(options.timeoutMs),
    // No keep-alive pool: every delivery connects (and so is checked) afresh.
    agent: false,
    ...(options.enforcePolicy ? { lookup: guardedLookup(options.resolve) } : {}),
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, requestOptions, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}
