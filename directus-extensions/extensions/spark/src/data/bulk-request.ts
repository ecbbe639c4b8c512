import { z } from 'zod';
import { identifierSchema } from '../schema/requests.js';

export const MAX_BULK_ROWS = 100_000;

export const bulkInsertRequestSchema = z
  .object({
    collection: identifierSchema,
    items: z
      .array(z.unknown())
      .min(1, 'send at least one item')
      .max(MAX_BULK_ROWS, `send at most ${MAX_BULK_ROWS} items per call`),
    mode: z.enum(['insert', 'upsert']).default('insert'),
    /** Conflict target for upsert: one column or a composite unique key; defaults to the primary key. */
    key: z.union([identifierSchema, z.array(identifierSchema).min(1).max(8)]).optional(),
  })
  .strict();

export type BulkInsertRequest = z.infer<typeof bulkInsertRequestSchema>;
