import type { StreamedAnalyticsEvent } from '@spark/contracts';
import type { Pool } from '@spark/db';
import type { Redis } from 'ioredis';
import { processLogger } from '../logging.js';
import { ingestedEvents } from '../metrics.js';
import type { IngestionConfig } from './config.js';
import { insertAnalyticsBatch } from './insert-batch.js';
import { decodeEntry, entriesOfClaim, entriesOfRead } from './stream-entries.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLSTATE classes 22 (data) and 23 (constraints): a bad row, not a down database. */
const isDataError = (error: unknown) => /^2[23]/.test(String((error as { code?: unknown }).code ?? ''));

/**
 * Writes buffered entries, then acknowledges and deletes them. Never acknowledges before the commit, so a crash
 * at any point leaves the entries pending for a takeover; a replay is harmless because inserts are idempotent.
 */
async function flush(redis: Redis, pool: Pool, config: IngestionConfig, buffer: Map<string, string[]>) {
  const events: StreamedAnalyticsEvent[] = [];
  let malformed = 0;
  for (const fields of buffer.values()) {
    const event = decodeEntry(fields);
    if (event) events.push(event);
    else malformed++;
  }
  if (malformed > 0)
    processLogger.error(
      { dropped: malformed },
      'ingestion dropped entries that do not match the event contract',
    );
  try {
    await insertAnalyticsBatch(pool, events);
  } catch (error) {
    if (!isDataError(error)) throw error;
    // One bad row must not block the stream: write row by row and drop only the rows PostgreSQL refuses.
    for (const event of events) {
      await insertAnalyticsBatch(pool, [event]).catch((rowError: unknown) => {
        if (!isDataError(rowError)) throw rowError;
        processLogger.error(
          { err: rowError, eventId: event.event_id },
          'ingestion dropped an event PostgreSQL refused',
        );
      });
    }
  }
  const ids = [...buffer.keys()];
  await redis
    .multi()
    .xack(config.stream, config.group, ...ids)
    .xdel(config.stream, ...ids)
    .exec();
  ingestedEvents.inc(events.length);
}

async function ensureGroup(redis: Redis, config: IngestionConfig) {
  // From '0': events accepted before any worker ever ran are ingested too.
  await redis.xgroup('CREATE', config.stream, config.group, '0', 'MKSTREAM').catch((error: Error) => {
    if (!error.message.includes('BUSYGROUP')) throw error;
  });
}

/** Takes over entries another consumer took and never acknowledged (it died) — and our own, after a restart. */
async function claimStale(redis: Redis, config: IngestionConfig, buffer: Map<string, string[]>) {
  let cursor = '0-0';
  do {
    const reply = await redis.call(
      'XAUTOCLAIM',
      config.stream,
      config.group,
      config.consumer,
      config.claimIdleMs,
      cursor,
      'COUNT',
      config.batchSize,
    );
    const claimed = entriesOfClaim(reply);
    for (const [id, fields] of claimed.entries) buffer.set(id, fields);
    cursor = claimed.cursor;
  } while (cursor !== '0-0' && buffer.size < config.batchSize);
}

/**
 * The ingestion loop: read up to `batchSize` entries, write when the batch is full or `flushMs` after its first
 * entry, acknowledge after commit. `close()` stops reading, writes what is buffered and resolves.
 */
export function startStreamConsumer(redis: Redis, pool: Pool, config: IngestionConfig) {
  let running = true;
  const buffer = new Map<string, string[]>();
  const loop = (async () => {
    let deadline = 0;
    let lastClaim = 0;
    while (running) {
      try {
        if (lastClaim === 0) await ensureGroup(redis, config);
        if (Date.now() - lastClaim >= config.claimIdleMs / 2) {
          await claimStale(redis, config, buffer);
          lastClaim = Date.now();
          if (buffer.size > 0 && deadline === 0) deadline = Date.now() + config.flushMs;
        }
        const wait = buffer.size > 0 ? Math.max(1, deadline - Date.now()) : config.flushMs;
        const reply = await redis.call(
          'XREADGROUP',
          'GROUP',
          config.group,
          config.consumer,
          'COUNT',
          Math.max(1, config.batchSize - buffer.size),
          'BLOCK',
          wait,
          'STREAMS',
          config.stream,
          '>',
        );
        const entries = entriesOfRead(reply);
        if (entries.length > 0 && buffer.size === 0) deadline = Date.now() + config.flushMs;
        for (const [id, fields] of entries) buffer.set(id, fields);
        if (buffer.size >= config.batchSize || (buffer.size > 0 && Date.now() >= deadline)) {
          await flush(redis, pool, config, buffer);
          buffer.clear();
          deadline = 0;
        }
      } catch (error) {
        // Database or Redis down: keep the buffer (nothing was acknowledged) and try again shortly.
        processLogger.error({ err: error }, 'ingestion failed; retrying in 1 s');
        await sleep(1000);
      }
    }
    // Shutting down: one last write. If it fails the entries stay pending and another consumer takes them over.
    if (buffer.size > 0) {
      await flush(redis, pool, config, buffer).catch((error: Error) =>
        processLogger.error({ err: error }, 'ingestion final flush failed; entries stay pending'),
      );
    }
  })();
  return {
    async close() {
      running = false;
      await loop;
    },
  };
}
