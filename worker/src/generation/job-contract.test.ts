import { ARTICLES_PER_CHUNK, generateArticlesChunks, generationJobs, publishingJobs } from '@spark/contracts';
import { describe, expect, it } from 'vitest';

const job = {
  id: '7a9388d4-61fe-41ab-8464-389afbc0fc2d',
  siteId: '5a2a4caf-a695-44d9-8397-33a703a97b79',
  campaignId: '833a2daf-af37-4546-87a1-7b9ae89baad6',
};

describe('the factory job contract', () => {
  it('splits a job into chunks with stable, BullMQ-safe ids', () => {
    const chunks = generateArticlesChunks({ ...job, total: 2 * ARTICLES_PER_CHUNK + 1 });
    expect(chunks).toHaveLength(3);
    expect(generateArticlesChunks({ ...job, total: 2 * ARTICLES_PER_CHUNK + 1 })).toEqual(chunks);
    const ids = chunks.map((chunk) => chunk.opts.jobId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).not.toContain(':');
  });

  it('gives a retried job’s chunks new ids, so BullMQ runs them instead of finding the finished ones', () => {
    const first = generateArticlesChunks({ ...job, total: 10 }).map((chunk) => chunk.opts.jobId);
    const retried = generateArticlesChunks({ ...job, total: 10, retry: 1 }).map((chunk) => chunk.opts.jobId);
    const again = generateArticlesChunks({ ...job, total: 10, retry: 2 }).map((chunk) => chunk.opts.jobId);
    expect(new Set([...first, ...retried, ...again]).size).toBe(3);
    expect(generateArticlesChunks({ ...job, total: 10, retry: 1 }).map((c) => c.opts.jobId)).toEqual(retried);
  });

  it('rejects payloads with unknown fields, documents instead of ids, or bad ids', () => {
    const valid = { generationJobId: job.id, siteId: job.siteId, campaignId: job.campaignId, chunk: 0 };
    const payload = generationJobs.generateArticles.payload;
    expect(payload.safeParse(valid).success).toBe(true);
    expect(payload.safeParse({ ...valid, html: '<p>x</p>' }).success).toBe(false);
    expect(payload.safeParse({ ...valid, siteId: 'alpha' }).success).toBe(false);
    expect(payload.safeParse({ ...valid, chunk: -2 }).success).toBe(false);
    expect(publishingJobs.processQueue.payload.safeParse({ siteIds: null }).success).toBe(true);
    expect(publishingJobs.processQueue.payload.safeParse({}).success).toBe(false);
  });
});
