import { serverEnv } from '../env.js';
import type { Tenant } from '../tenancy/resolve-tenant.js';

/** CORS_ORIGIN allow-list plus, for public endpoints, the tenant's own domains (any scheme or port). */
export function allowedOrigin(origin: string | null, tenant: Tenant | null): string | null {
  if (!origin) return null;
  const configured = serverEnv()
    .CORS_ORIGIN.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (configured.includes(origin)) return origin;
  if (!tenant) return null;
  let host: string;
  try {
    host = new URL(origin).hostname.toLowerCase();
  } catch {
    return null;
  }
  const hosts = [tenant.domain, ...tenant.domainAliases];
  return hosts.some((h) => host === h || host === `www.${h}`) ? origin : null;
}

export function corsHeaders(origin: string | null, methods: string): Record<string, string> {
  if (!origin) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': `${methods}, OPTIONS`,
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
