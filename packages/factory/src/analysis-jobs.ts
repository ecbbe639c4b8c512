import { randomUUID } from 'node:crypto';
import {
  type InsertLinksRequest,
  insertLinksJobId,
  type ScanDuplicatesRequest,
  scanDuplicatesJobId,
} from '@spark/contracts';
import { type PoolClient, withTransaction, writeWorkLog } from '@spark/db';
import { type AnalysisJobKind, markQueued } from '@spark/jobs';
import { loadVisibleCampaign } from './campaign-row.js';
import type { FactoryDeps } from './deps.js';
import { type Principal, resolveSiteScope } from './principal.js';

type AnalysisType = AnalysisJobKind;

const QUEUE_JOB_ID = { scan_duplicates: scanDuplicatesJobId, insert_links: insertLinksJobId } as const;

async function insertJob(
  client: PoolClient,
  principal: Principal,
  job: { type: AnalysisType; siteId: string; campaignId: string | null; params: Record<string, unknown> },
): Promise<string> {
  const id = randomUUID();
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from generated_articles
     where site_id = $1 and ($2::uuid is null or campaign_id = $2) and status <> 'archived'`,
    [job.siteId, job.campaignId],
  );
  await client.query(
    `insert into generation_jobs (id, site_id, campaign_id, type, status, params, total, queue_job_id)
     values ($1, $2, $3, $4, 'pending', $5, $6, $7)`,
    [id, job.siteId, job.campaignId, job.type, job.params, rows[0]?.n ?? 0, QUEUE_JOB_ID[job.type](id)],
  );
  await writeWorkLog(
    {
      action: `${job.type.replace('_', '-')}.create`,
      entityType: 'generation_jobs',
      entityId: id,
      siteId: job.siteId,
      userId: principal.userId,
      details: job.params,
    },
    client,
  );
  return id;
}

async function enqueue(deps: FactoryDeps, type: AnalysisType, id: string, siteId: string) {
  const enqueued = await deps.queues.enqueueAnalysisJob(type, { generationJobId: id, siteId });
  if (enqueued) await markQueued(deps.db, id);
  return { job_id: id, status: enqueued ? 'queued' : 'pending' };
}

/** A near-duplicate scan of a site (or one campaign of it) as a worker job. */
export async function createScanDuplicatesJob(
  deps: FactoryDeps,
  principal: Principal,
  request: ScanDuplicatesRequest,
) {
  const job = await withTransaction(deps.db, async (client) => {
    const campaign = request.campaign_id
      ? await loadVisibleCampaign(client, principal, request.campaign_id)
      : null;
    const siteId = campaign?.site_id ?? resolveSiteScope(principal, request.site_id);
    const params = { threshold: request.threshold, campaign_id: campaign?.id ?? null };
    const id = await insertJob(client, principal, {
      type: 'scan_duplicates',
      siteId,
      campaignId: campaign?.id ?? null,
      params,
    });
    return { id, siteId };
  });
  return enqueue(deps, 'scan_duplicates', job.id, job.siteId);
}

/** Internal links for a campaign's articles as a worker job. */
export async function createInsertLinksJob(
  deps: FactoryDeps,
  principal: Principal,
  request: InsertLinksRequest,
) {
  const job = await withTransaction(deps.db, async (client) => {
    const campaign = await loadVisibleCampaign(client, principal, request.campaign_id);
    const params = { max_links: request.max_links, nearby_km: request.nearby_km };
    const id = await insertJob(client, principal, {
      type: 'insert_links',
      siteId: campaign.site_id,
      campaignId: campaign.id,
      params,
    });
    return { id, siteId: campaign.site_id };
  });
  return enqueue(deps, 'insert_links', job.id, job.siteId);
}
