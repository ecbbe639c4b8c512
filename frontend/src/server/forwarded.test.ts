import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../lib/server/api/trust-proxy.js';
import { screenForwarding } from './forwarded.js';

const request = (remoteAddress: string, headers: Record<string, string>) =>
  ({ headers: { ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;

const forwarding = {
  host: 'alpha.example',
  'x-forwarded-for': '6.6.6.6, 198.51.100.4',
  'x-forwarded-host': 'beta.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
};

describe('screenForwarding', () => {
  it('drops every forwarding header a peer outside TRUST_PROXY sent, so Astro cannot read them', () => {
    const req = request('203.0.113.9', forwarding);
    expect(screenForwarding(req, parseTrustProxy(undefined))).toBeUndefined();
    expect(req.headers).toEqual({ host: 'alpha.example' });
  });

  it('keeps a trusted proxy’s headers and narrows X-Forwarded-For to the client it proves', () => {
    const req = request('::ffff:10.0.0.2', forwarding);
    expect(screenForwarding(req, parseTrustProxy('private'))).toBeUndefined();
    expect(req.headers['x-forwarded-for']).toBe('198.51.100.4');
    expect(req.headers['x-forwarded-host']).toBe('beta.example');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });

  it('answers malformed Host and forwarding headers with a 400, whoever sent them', () => {
    const cases: Record<string, string>[] = [
      { host: 'alpha.example:99999' },
      { host: 'a b' },
      { host: 'alpha.example', 'x-forwarded-proto': 'gopher' },
      { host: 'alpha.example', 'x-forwarded-port': '-1' },
      { host: 'alpha.example', 'x-forwarded-host': 'x/y' },
    ];
    for (const headers of cases) {
      for (const trust of [undefined, '1']) {
        const error = screenForwarding(request('10.0.0.2', headers), parseTrustProxy(trust));
        expect(error?.status, JSON.stringify(headers)).toBe(400);
        expect(error?.code).toBe('BAD_REQUEST');
      }
    }
  });

  it('accepts IPv6 literal hosts and ports', () => {
    expect(
      screenForwarding(request('127.0.0.1', { host: '[::1]:4321' }), parseTrustProxy(undefined)),
    ).toBeUndefined();
    expect(
      screenForwarding(request('127.0.0.1', { host: 'alpha.localhost:4321' }), parseTrustProxy(undefined)),
    ).toBeUndefined();
  });
});
