import type { WorkerFeature } from '../feature.js';
import { processLogger } from '../logging.js';
import { ingestionConfig } from './config.js';
import { startStreamConsumer } from './stream-consumer.js';

/** Analytics ingestion: the Redis stream → batched inserts into the partitioned tables. */
export const ingestionFeature: WorkerFeature = {
  name: 'ingestion',
  async start({ pool, connection }) {
    const config = ingestionConfig(process.env);
    // Blocking reads get their own connection so they never hold up BullMQ's commands.
    const redis = connection.duplicate();
    let failing = false; // one line per outage, not one per reconnect attempt
    redis.on('error', (error) => {
      if (!failing) processLogger.warn({ err: error }, 'ingestion redis connection error');
      failing = true;
    });
    redis.on('ready', () => {
      failing = false;
    });
    const consumer = startStreamConsumer(redis, pool, config);
    return {
      async close() {
        await consumer.close();
        await redis.quit().catch(() => {});
      },
    };
  },
};
