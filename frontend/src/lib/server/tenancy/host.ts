/**
 * The canonical form of a request host: lower-case, no port, no trailing dot, no leading `www.`.
 * `www.alpha.example` and `alpha.example:443` are the same tenant.
 */
export function normalizeHost(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return undefined; // IPv6 literals never name a tenant
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host) && host.length <= 253
    ? host
    : undefined;
}
