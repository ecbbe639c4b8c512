import type { LeadFilterQuery } from '@spark/contracts/api';
import { type Principal, resolveSiteScope, visibleSiteIds } from '@spark/factory';
import type { LeadActor, LeadFilter, RedeliveryDeps } from '@spark/leads';
import { database } from '../connections.js';
import { jobQueues } from '../services.js';

/** The admin table's filter for the caller's site: the table and its CSV export read the query the same way. */
export function leadFilterOf(principal: Principal, query: LeadFilterQuery): LeadFilter {
  return {
    siteId: resolveSiteScope(principal, query.site_id),
    q: query.q,
    status: query.status,
    formId: query.form_id,
    utmSource: query.utm_source,
    from: query.from,
    to: query.to,
  };
}

export const leadActorOf = (principal: Principal): LeadActor => ({
  userId: principal.userId,
  scope: visibleSiteIds(principal),
});

export const redeliveryDeps = (): RedeliveryDeps => ({
  db: database(),
  enqueueRedelivery: (submissionId, attemptsSoFar) =>
    jobQueues().enqueueLeadWebhookRedelivery(submissionId, attemptsSoFar),
});
