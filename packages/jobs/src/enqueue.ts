import {
  type GenerateArticlesPayload,
  generationJobs,
  insertLinksJobId,
  LEAD_WEBHOOK_JOB_OPTIONS,
  leadWebhookJobId,
  leadWebhookJobs,
  leadWebhookRedeliveryJobId,
  type ProcessQueuePayload,
  processQueueJobId,
  publishingJobs,
  resumeChunkJobId,
  scanDuplicatesJobId,
} from '@spark/contracts';
import type { Job, Queue } from 'bullmq';

/**
 * The one way each job kind is added to its queue, used by the API's producers and by the worker's outbox
 * sweeps alike: payloads are validated on add (and again by the processor on receipt), job ids are
 * deterministic, so adding the same work twice is harmless.
 */

export type AnalysisJobKind = 'scan_duplicates' | 'insert_links';

const ANALYSIS_JOBS = {
  scan_duplicates: { job: generationJobs.scanDuplicates, jobId: scanDuplicatesJobId },
  insert_links: { job: generationJobs.insertLinks, jobId: insertLinksJobId },
} as const;

export async function addGenerationChunks(
  queue: Queue,
  chunks: { name: string; data: GenerateArticlesPayload; opts: { jobId: string } }[],
): Promise<void> {
  await queue.addBulk(
    chunks.map((chunk) => ({ ...chunk, data: generationJobs.generateArticles.payload.parse(chunk.data) })),
  );
}

/** One resume chunk per job and window (see resumeChunkJobId), for a job whose chunks stalled. */
export async function addResumeChunk(
  queue: Queue,
  job: { generationJobId: string; siteId: string; campaignId: string },
  window: number,
): Promise<void> {
  const data = generationJobs.generateArticles.payload.parse({ ...job, chunk: -1 });
  await queue.add(generationJobs.generateArticles.name, data, {
    jobId: resumeChunkJobId(job.generationJobId, window),
  });
}

export async function addAnalysisJob(
  queue: Queue,
  kind: AnalysisJobKind,
  data: { generationJobId: string; siteId: string; requestId?: string },
): Promise<void> {
  const { job, jobId } = ANALYSIS_JOBS[kind];
  await queue.add(job.name, job.payload.parse(data), { jobId: jobId(data.generationJobId) });
}

export async function addLeadWebhook(queue: Queue, submissionId: string, requestId?: string): Promise<void> {
  const payload = leadWebhookJobs.deliver.payload.parse(
    requestId ? { submissionId, requestId } : { submissionId },
  );
  await queue.add(leadWebhookJobs.deliver.name, payload, {
    ...LEAD_WEBHOOK_JOB_OPTIONS,
    jobId: leadWebhookJobId(submissionId),
  });
}

/** The same delivery job as the first one (same payload, retries and signing), under a redelivery's job id. */
export async function addLeadWebhookRedelivery(
  queue: Queue,
  submissionId: string,
  attemptsSoFar: number,
  requestId?: string,
): Promise<void> {
  const payload = leadWebhookJobs.deliver.payload.parse(
    requestId ? { submissionId, requestId } : { submissionId },
  );
  await queue.add(leadWebhookJobs.deliver.name, payload, {
    ...LEAD_WEBHOOK_JOB_OPTIONS,
    jobId: leadWebhookRedeliveryJobId(submissionId, attemptsSoFar),
  });
}

export async function addProcessQueue(
  queue: Queue,
  requestId: string,
  payload: ProcessQueuePayload,
): Promise<Job> {
  return queue.add(publishingJobs.processQueue.name, publishingJobs.processQueue.payload.parse(payload), {
    jobId: processQueueJobId(requestId),
  });
}
