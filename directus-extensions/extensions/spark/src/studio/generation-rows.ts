import { randomUUID } from 'node:crypto';
import { AppError, chunkCount, GenerateArticleSchema, validationError } from '@spark/contracts';
import type { Pool } from '@spark/db';
import type { Factory, Principal } from '@spark/factory';
import { z } from 'zod';
import { asDirectusRefusal } from './refuse.js';

type Payload = Record<string, unknown>;

/** What a Studio user fills in for a generation job: the campaign and how many articles (`total`, or `params.count`). */
const StudioJobSchema = z.object({
  id: z.string().uuid().optional(),
  type: z.literal('generate_articles').default('generate_articles'),
  campaign_id: GenerateArticleSchema.shape.campaign_id,
  total: GenerateArticleSchema.shape.count,
});

function studioJobOf(payload: Payload) {
  const params = payload.params && typeof payload.params === 'object' ? (payload.params as Payload) : {};
  const parsed = StudioJobSchema.safeParse({ ...payload, total: payload.total ?? params.count });
  if (!parsed.success) throw validationError(parsed.error, 'Generation job');
  return parsed.data;
}

/**
 * A generation job created in the Studio is checked like the API's generate request (every check, dry run) and
 * stored in its canonical form, or refused before anything is written. Its headlines are reserved and its
 * chunks enqueued once the row exists (`startCreatedJob`).
 */
export async function checkCreatedJob(db: Pool, factory: Factory, principal: Principal, payload: Payload) {
  return asDirectusRefusal(async () => {
    const job = studioJobOf(payload);
    await factory.checkGenerationJob(principal, { campaign_id: job.campaign_id, count: job.total });
    const { rows } = await db.query<{ site_id: string }>(
      'select site_id from campaign_masters where id = $1',
      [job.campaign_id],
    );
    const siteId = rows[0]?.site_id;
    if (!siteId) throw new AppError('NOT_FOUND', `No campaign ${job.campaign_id} is visible to you`);
    return {
      id: job.id ?? randomUUID(),
      site_id: siteId,
      campaign_id: job.campaign_id,
      type: job.type,
      status: 'pending',
      params: { count: job.total, chunks: chunkCount(job.total) },
      total: job.total,
    };
  });
}

/** Reserves and enqueues a Studio-created job; a reservation that fails now marks the row failed with the reason. */
export async function startCreatedJob(factory: Factory, principal: Principal, id: string, payload: Payload) {
  const job = studioJobOf(payload);
  return factory.startStoredGenerationJob(principal, id, { campaign_id: job.campaign_id, count: job.total });
}
