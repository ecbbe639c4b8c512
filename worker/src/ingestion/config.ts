import { hostname } from 'node:os';
import { ANALYTICS_CONSUMER_GROUP, ANALYTICS_STREAM } from '@spark/contracts';
import { z } from 'zod';

const ingestionEnvSchema = z.object({
  /** Rows per insert transaction. */
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** A partial batch is written after at most this long. */
  INGEST_FLUSH_MS: z.coerce.number().int().min(10).max(10_000).default(1000),
  /** Entries a consumer took but has not acknowledged for this long are taken over (its process died). */
  INGEST_CLAIM_IDLE_MS: z.coerce.number().int().min(500).max(600_000).default(15_000),
});

export interface IngestionConfig {
  stream: string;
  group: string;
  consumer: string;
  batchSize: number;
  flushMs: number;
  claimIdleMs: number;
}

export function ingestionConfig(source: NodeJS.ProcessEnv): IngestionConfig {
  const parsed = ingestionEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid ingestion environment — ${parsed.error.message}`);
  return {
    stream: ANALYTICS_STREAM,
    group: ANALYTICS_CONSUMER_GROUP,
    consumer: `${hostname()}-${process.pid}`,
    batchSize: parsed.data.INGEST_BATCH_SIZE,
    flushMs: parsed.data.INGEST_FLUSH_MS,
    claimIdleMs: parsed.data.INGEST_CLAIM_IDLE_MS,
  };
}
