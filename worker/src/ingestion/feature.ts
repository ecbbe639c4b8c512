import type { WorkerFeature } from '../feature.js';
import { ingestionConfig } from './config.js';
import { startStreamConsumer } from './stream-consumer.js';

/** Analytics ingestion: the Redis stream → batched inserts into the partitioned tables. */
export const ingestionFeature: WorkerFeature = {
  name: 'ingestion',
  async start({ pool, connection }) {
    const config = ingestionConfig(process.env);
    // Blocking reads get their own connection so they never hold up BullMQ's commands.
    const redis = connection.duplicate();
    redis.on('error', (error) => console.error(`ingestion redis: ${error.message}`));
    const consumer = startStreamConsumer(redis, pool, config);
    return {
      async close() {
        await consumer.close();
        await redis.quit().catch(() => {});
      },
    };
  },
};
