/**
 * Every god route, declared once: the gate uses this table to name the audit action (`god.<route>`) and to
 * answer unknown god paths itself, so no god request falls through to Directus unaudited.
 */
export const GOD_ROUTES = [
  { method: 'POST', path: '/god/schema/collections/create', action: 'god.schema.collections.create' },
  { method: 'POST', path: '/god/schema/relations/create', action: 'god.schema.relations.create' },
  { method: 'GET', path: '/god/schema/snapshot', action: 'god.schema.snapshot' },
  { method: 'POST', path: '/god/data/bulk-insert', action: 'god.data.bulk-insert' },
  { method: 'GET', path: '/god/status', action: 'god.status' },
  { method: 'POST', path: '/god/cache/flush', action: 'god.cache.flush' },
] as const;

export type GodRoute = (typeof GOD_ROUTES)[number];

export function findGodRoute(method: string, path: string): GodRoute | undefined {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return GOD_ROUTES.find((route) => route.method === method && route.path === normalised);
}

/** The audit action for a request that matched no route (still under /god, still audited). */
export function unknownGodAction(path: string): string {
  const slug = path
    .replace(/^\/god\/?/, '')
    .replace(/[^a-z0-9/-]/gi, '')
    .split('/')
    .filter(Boolean)
    .slice(0, 4)
    .join('.');
  return `god.${slug || 'root'}`;
}
