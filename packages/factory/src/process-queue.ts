import { randomUUID } from 'node:crypto';
import { writeWorkLog } from '@spark/db';
import type { FactoryDeps } from './deps.js';
import { type Principal, resolveSiteScope, visibleSiteIds } from './principal.js';

/**
 * Runs the process-queue job now for the caller's sites (an admin without site_id: every site) and waits
 * for its result; the same processor runs every minute on its own.
 */
export async function processQueueNow(deps: FactoryDeps, principal: Principal, siteId: string | undefined) {
  const siteIds = siteId ? [resolveSiteScope(principal, siteId)] : visibleSiteIds(principal);
  const requestId = randomUUID();
  const result = await deps.queues.runProcessQueue(requestId, { siteIds });
  await writeWorkLog(
    {
      action: 'queue.process',
      entityType: 'generation_jobs',
      entityId: null,
      siteId: siteIds?.length === 1 ? siteIds[0] : null,
      userId: principal.userId,
      details: { request_id: requestId, site_ids: siteIds, result },
    },
    deps.db,
  );
  return result
    ? { status: 200, body: { ...result, request_id: requestId } }
    : { status: 202, body: { status: 'queued', request_id: requestId } };
}
