import { generateArticlesChunks } from '@spark/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { addAnalysisJob, addLeadWebhook, addLeadWebhookRedelivery } from './enqueue.js';
import { createJobQueues } from './producers.js';
import { ENQUEUE_TIMEOUT_MS } from './queues.js';

// Nothing listens on port 1: a fail-fast producer connection, as the frontend's composition root builds one.
const unreachable = new Redis('redis://127.0.0.1:1', {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  lazyConnect: true,
});
unreachable.on('error', () => {});
const queues = createJobQueues(unreachable);
afterAll(() => unreachable.disconnect());

const job = {
  id: '7a9388d4-61fe-41ab-8464-389afbc0fc2d',
  siteId: '5a2a4caf-a695-44d9-8397-33a703a97b79',
  campaignId: '833a2daf-af37-4546-87a1-7b9ae89baad6',
};

describe('producers when Redis is unreachable', () => {
  it('report generation chunks as not enqueued within the enqueue timeout, so the row stays pending', async () => {
    const started = Date.now();
    expect(await queues.enqueueGenerationChunks(generateArticlesChunks({ ...job, total: 10 }))).toBe(false);
    expect(Date.now() - started).toBeLessThan(ENQUEUE_TIMEOUT_MS + 1000);
  });

  it('report an analysis job as not enqueued', async () => {
    const data = { generationJobId: job.id, siteId: job.siteId };
    expect(await queues.enqueueAnalysisJob('scan_duplicates', data)).toBe(false);
  });

  it('never fail the visitor’s request for a lead webhook', async () => {
    await expect(queues.enqueueLeadWebhook(job.id)).resolves.toBeUndefined();
  });

  it('report a webhook redelivery as not enqueued, so the caller can undo it', async () => {
    expect(await queues.enqueueLeadWebhookRedelivery(job.id, 1)).toBe(false);
  });

  it('refuse an invalid payload before it reaches Redis', async () => {
    const queue = new Queue('spark-never-used', { connection: unreachable });
    queue.on('error', () => {});
    await expect(
      addAnalysisJob(queue, 'insert_links', { generationJobId: 'x', siteId: job.siteId }),
    ).rejects.toThrow(ZodError);
    await expect(addLeadWebhook(queue, 'not-a-uuid')).rejects.toThrow(ZodError);
    await expect(addLeadWebhookRedelivery(queue, 'not-a-uuid', 1)).rejects.toThrow(ZodError);
  });
});
