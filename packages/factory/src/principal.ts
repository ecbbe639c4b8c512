import { AppError } from '@spark/contracts';

/** Who is calling an admin route, resolved from their Directus token. */
export interface Principal {
  userId: string;
  email: string | null;
  /** Administrators act on every site; everyone else only on `siteIds`. */
  isAdmin: boolean;
  siteIds: string[];
}

export function canAccessSite(principal: Principal, siteId: string): boolean {
  return principal.isAdmin || principal.siteIds.includes(siteId);
}

/**
 * The site an admin request acts on. A site-scoped caller may omit it when they belong to exactly one site;
 * naming a site they do not belong to is 404 (not 403): existence of other tenants' ids is not disclosed.
 */
export function resolveSiteScope(principal: Principal, requested: string | undefined): string {
  if (requested) {
    if (!canAccessSite(principal, requested))
      throw new AppError('NOT_FOUND', `No site ${requested} is visible to you`);
    return requested;
  }
  if (!principal.isAdmin && principal.siteIds.length === 1 && principal.siteIds[0])
    return principal.siteIds[0];
  throw new AppError('BAD_REQUEST', 'Name the site: pass site_id (your token can act on several sites)');
}

/** A SQL-ready filter: null = every site (admin), else the caller's site ids. */
export function visibleSiteIds(principal: Principal): string[] | null {
  return principal.isAdmin ? null : principal.siteIds;
}

/** Platform operations (queues, services) are for administrators; a site editor gets 403. */
export function assertAdministrator(principal: Principal): void {
  if (!principal.isAdmin)
    throw new AppError('FORBIDDEN', 'Only administrators can see and act on operations');
}
