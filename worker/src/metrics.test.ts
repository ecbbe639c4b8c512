import { describe, expect, it } from 'vitest';
import { entryAgeSeconds, mergeExpositions, recordWebhookOutcome, webhookDeliveries } from './metrics.js';

const queueText = (queue: string, waiting: number) =>
  [
    '# HELP bullmq_job_count Number of jobs in the queue by state',
    '# TYPE bullmq_job_count gauge',
    `bullmq_job_count{queue="${queue}", state="waiting"} ${waiting}`,
    '# HELP bullmq_job_completed_total Total number of completed jobs',
    '# TYPE bullmq_job_completed_total counter',
    `bullmq_job_completed_total{queue="${queue}"} 7`,
  ].join('\n');

describe('mergeExpositions', () => {
  it('keeps one HELP and TYPE per family and every sample under it', () => {
    const merged = mergeExpositions([queueText('a', 1), queueText('b', 2)]).split('\n');
    expect(merged.filter((line) => line.startsWith('# TYPE bullmq_job_count '))).toHaveLength(1);
    expect(merged.filter((line) => line.startsWith('# HELP bullmq_job_completed_total '))).toHaveLength(1);
    const countFamily = merged.slice(0, 4);
    expect(countFamily).toEqual([
      '# HELP bullmq_job_count Number of jobs in the queue by state',
      '# TYPE bullmq_job_count gauge',
      'bullmq_job_count{queue="a", state="waiting"} 1',
      'bullmq_job_count{queue="b", state="waiting"} 2',
    ]);
    expect(merged).toContain('bullmq_job_completed_total{queue="b"} 7');
  });
});

describe('entryAgeSeconds', () => {
  it('reads the millisecond part of a stream id', () => {
    expect(entryAgeSeconds('1000-0', 3500)).toBe(2.5);
    expect(entryAgeSeconds('5000-3', 3500)).toBe(0);
    expect(entryAgeSeconds('garbage', 3500)).toBe(0);
  });
});

describe('recordWebhookOutcome', () => {
  it('counts delivered, skipped, retried and failed deliveries apart', async () => {
    const before = async (outcome: string) =>
      (await webhookDeliveries.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
    const start = {
      delivered: await before('delivered'),
      skipped: await before('skipped'),
      retried: await before('retried'),
      failed: await before('failed'),
    };
    recordWebhookOutcome({ returnvalue: { status: 'delivered' }, finishedOn: 1 }, false);
    recordWebhookOutcome({ returnvalue: { status: 'skipped: already delivered' }, finishedOn: 1 }, false);
    recordWebhookOutcome({ returnvalue: undefined, finishedOn: undefined }, true);
    recordWebhookOutcome({ returnvalue: undefined, finishedOn: 5 }, true);
    expect(await before('delivered')).toBe(start.delivered + 1);
    expect(await before('skipped')).toBe(start.skipped + 1);
    expect(await before('retried')).toBe(start.retried + 1);
    expect(await before('failed')).toBe(start.failed + 1);
  });
});
