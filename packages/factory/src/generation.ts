import { randomUUID } from 'node:crypto';
import { AppError, chunkCount, type GenerateArticleRequest, generateArticlesChunks } from '@spark/contracts';
import { type PoolClient, withTransaction, writeWorkLog } from '@spark/db';
import { failGenerationJob, markQueued } from '@spark/jobs';
import { type CampaignRow, loadVisibleCampaign } from './campaign-row.js';
import { loadCampaignSpace } from './campaign-space.js';
import type { FactoryDeps } from './deps.js';
import { fillInventory } from './headlines.js';
import type { Principal } from './principal.js';

/** A campaign can be generated when it has a template whose every fragment type has fragments. */
export async function assertGeneratable(client: PoolClient, campaign: CampaignRow): Promise<void> {
  if (campaign.status === 'paused' || campaign.status === 'completed') {
    throw new AppError(
      'CONFLICT',
      `The campaign is ${campaign.status}; set it to draft or active to generate`,
    );
  }
  if (campaign.template_id === null) {
    throw new AppError('VALIDATION_FAILED', 'The campaign has no article template: set template_id first');
  }
  const { rows } = await client.query<{ missing: string[] | null; types: number }>(
    `select jsonb_array_length(t.fragment_types)::int as types,
            array(select ft from jsonb_array_elements_text(t.fragment_types) ft
                  where ft <> 'offer' and not exists (
                    select 1 from content_fragments f
                    where f.fragment_type = ft and (f.site_id = $2 or f.site_id is null))) as missing
     from article_templates t where t.id = $1`,
    [campaign.template_id, campaign.site_id],
  );
  const template = rows[0];
  if (!template || template.types === 0) {
    throw new AppError('VALIDATION_FAILED', 'The campaign template lists no fragment types');
  }
  if (template.missing && template.missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No content fragments of type ${template.missing.map((t) => `"${t}"`).join(', ')}: add some to the library`,
    );
  }
}

/**
 * Reserves `count` headlines for the job: unclaimed inventory first, then new headlines from the space,
 * inserted already reserved. Fewer than `count` left in the campaign is a 422 saying how many remain
 * (the transaction then rolls back, so nothing is written).
 */
export async function reserveHeadlines(
  client: PoolClient,
  campaign: CampaignRow,
  jobId: string,
  count: number,
  now: Date,
) {
  const taken = await client.query(
    `update headline_inventory set status = 'claimed', claimed_by_job = $2, claimed_at = now()
     where id in (select id from headline_inventory where campaign_id = $1 and status = 'available'
                  order by spintax_index, variant_key limit $3 for update skip locked)`,
    [campaign.id, jobId, count],
  );
  const existing = taken.rowCount ?? 0;
  if (existing === count) return;
  const space = await loadCampaignSpace(client, campaign, now);
  const added = await fillInventory(client, campaign, space, count - existing, jobId);
  if (existing + added < count) {
    throw new AppError(
      'VALIDATION_FAILED',
      `count is larger than the campaign can make: ${existing + added} headline combinations are left`,
      { issues: [{ path: 'count', message: `at most ${existing + added}` }] },
    );
  }
}

interface PreparedJob {
  id: string;
  siteId: string;
  campaignId: string;
  total: number;
  chunks: number;
}

/**
 * The checks and writes of a new generation job inside the caller's transaction: the campaign is visible to
 * the caller and generatable, the job row exists (a row a Directus user created is taken as it is, with its
 * canonical fields set again), `count` headlines are reserved for it and the work log says who asked.
 */
async function prepareGenerationJob(
  client: PoolClient,
  principal: Principal,
  request: GenerateArticleRequest,
  id: string,
  now: Date,
): Promise<PreparedJob> {
  const campaign = await loadVisibleCampaign(client, principal, request.campaign_id, true);
  await assertGeneratable(client, campaign);
  const chunks = chunkCount(request.count);
  await client.query(
    `insert into generation_jobs (id, site_id, campaign_id, type, status, params, total, queue_job_id)
     values ($1, $2, $3, 'generate_articles', 'pending', $4, $5, $6)
     on conflict (id) do update set site_id = excluded.site_id, campaign_id = excluded.campaign_id,
       type = excluded.type, status = excluded.status, params = excluded.params, total = excluded.total,
       queue_job_id = excluded.queue_job_id`,
    [id, campaign.site_id, campaign.id, { count: request.count, chunks }, request.count, `generate-${id}`],
  );
  await reserveHeadlines(client, campaign, id, request.count, now);
  await writeWorkLog(
    {
      action: 'generation.create',
      entityType: 'generation_jobs',
      entityId: id,
      siteId: campaign.site_id,
      userId: principal.userId,
      details: { campaign_id: campaign.id, count: request.count, chunks },
    },
    client,
  );
  return { id, siteId: campaign.site_id, campaignId: campaign.id, total: request.count, chunks };
}

/** Enqueues a committed job's chunks; a job whose enqueue failed stays `pending` until process-queue enqueues it. */
async function enqueuePrepared(deps: FactoryDeps, job: PreparedJob) {
  const enqueued = await deps.queues.enqueueGenerationChunks(generateArticlesChunks(job));
  if (enqueued) await markQueued(deps.db, job.id);
  return { job_id: job.id, status: enqueued ? 'queued' : 'pending', total: job.total, chunks: job.chunks };
}

/**
 * Reserves `count` headlines for a new generation job and enqueues its chunks. Everything is written in
 * one transaction (a rejected request writes nothing); the enqueue follows the commit.
 */
export async function createGenerationJob(
  deps: FactoryDeps,
  principal: Principal,
  request: GenerateArticleRequest,
) {
  const job = await withTransaction(deps.db, (client) =>
    prepareGenerationJob(client, principal, request, randomUUID(), deps.now()),
  );
  return enqueuePrepared(deps, job);
}

/** Thrown inside a transaction to roll it back once every check has passed. */
class DryRunPassed extends Error {}

/**
 * Runs every check and write of `createGenerationJob` and rolls them back: whether the request would be
 * accepted (it throws the same error otherwise), for a door that must refuse before it stores anything.
 */
export async function checkGenerationJob(
  deps: FactoryDeps,
  principal: Principal,
  request: GenerateArticleRequest,
): Promise<void> {
  try {
    await withTransaction(deps.db, async (client) => {
      await prepareGenerationJob(client, principal, request, randomUUID(), deps.now());
      throw new DryRunPassed();
    });
  } catch (error) {
    if (!(error instanceof DryRunPassed)) throw error;
  }
}

/**
 * Starts a generation job whose row another door already stored (a Directus user created it after
 * `checkGenerationJob` passed): reserves and enqueues exactly as `createGenerationJob`. If the reservation
 * fails now (another job took the headlines meanwhile), the row is marked failed with the reason, never left
 * pending without headlines.
 */
export async function startStoredGenerationJob(
  deps: FactoryDeps,
  principal: Principal,
  id: string,
  request: GenerateArticleRequest,
) {
  let job: PreparedJob;
  try {
    job = await withTransaction(deps.db, (client) =>
      prepareGenerationJob(client, principal, request, id, deps.now()),
    );
  } catch (error) {
    await failGenerationJob(deps.db, id, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return enqueuePrepared(deps, job);
}
