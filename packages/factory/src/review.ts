import type { ApproveBatchRequest, ReturnToReviewRequest } from '@spark/contracts';
import { withTransaction, writeWorkLog } from '@spark/db';
import { groupBySite, lockSelectedArticles } from './article-selection.js';
import type { FactoryDeps } from './deps.js';
import type { Principal } from './principal.js';

/** qc → approved. Articles in any other status are left as they are and counted as skipped. */
export async function approveArticles(deps: FactoryDeps, principal: Principal, request: ApproveBatchRequest) {
  return withTransaction(deps.db, async (client) => {
    const selected = await lockSelectedArticles(client, principal, request);
    const eligible = selected.filter((article) => article.status === 'qc');
    for (const [siteId, articles] of groupBySite(eligible)) {
      const ids = articles.map((article) => article.id);
      await client.query(`update generated_articles set status = 'approved' where id = any($1::uuid[])`, [
        ids,
      ]);
      await writeWorkLog(
        {
          action: 'articles.approve',
          entityType: 'generated_articles',
          entityId: request.job_id ?? (ids.length === 1 ? ids[0] : null),
          siteId,
          userId: principal.userId,
          details: { count: ids.length, job_id: request.job_id ?? null, article_ids: ids.slice(0, 50) },
        },
        client,
      );
    }
    return { approved: eligible.length, skipped: selected.length - eligible.length };
  });
}

/**
 * approved or scheduled → qc, clearing any planned publish time and any quality override (the next publish
 * decides again); other statuses are counted as skipped.
 */
export async function returnToReview(
  deps: FactoryDeps,
  principal: Principal,
  request: ReturnToReviewRequest,
) {
  return withTransaction(deps.db, async (client) => {
    const selected = await lockSelectedArticles(client, principal, request);
    const eligible = selected.filter(
      (article) => article.status === 'approved' || article.status === 'scheduled',
    );
    for (const [siteId, articles] of groupBySite(eligible)) {
      const ids = articles.map((article) => article.id);
      await client.query(
        `update generated_articles
         set status = 'qc', publish_at = null, quality_override_at = null, quality_override_by = null
         where id = any($1::uuid[])`,
        [ids],
      );
      await writeWorkLog(
        {
          action: 'articles.return_to_review',
          entityType: 'generated_articles',
          entityId: ids.length === 1 ? ids[0] : null,
          siteId,
          userId: principal.userId,
          details: { count: ids.length, article_ids: ids.slice(0, 50) },
        },
        client,
      );
    }
    return { returned: eligible.length, skipped: selected.length - eligible.length };
  });
}
