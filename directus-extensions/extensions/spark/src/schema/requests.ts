import { z } from 'zod';

/** Postgres identifiers Directus can manage; system names are refused separately (403, not 422). */
export const identifierSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'use lower-case letters, digits and underscores, starting with a letter');

const fieldSchema = z
  .object({
    field: identifierSchema,
    type: z.string().min(1).max(40).optional(),
    meta: z.record(z.unknown()).nullable().optional(),
    schema: z.record(z.unknown()).nullable().optional(),
  })
  .strict();

export const createCollectionRequestSchema = z
  .object({
    collection: identifierSchema,
    fields: z.array(fieldSchema).max(500).optional(),
    meta: z.record(z.unknown()).nullable().optional(),
    /** `null` creates a folder (no table); omitted means a table, which is what god mode is usually for. */
    schema: z.record(z.unknown()).nullable().optional(),
  })
  .strict();

export const createRelationRequestSchema = z
  .object({
    collection: identifierSchema,
    field: identifierSchema,
    related_collection: identifierSchema.nullable().optional(),
    meta: z.record(z.unknown()).nullable().optional(),
    schema: z.record(z.unknown()).nullable().optional(),
  })
  .strict();

export type CreateCollectionRequest = z.infer<typeof createCollectionRequestSchema>;
export type CreateRelationRequest = z.infer<typeof createRelationRequestSchema>;

export const isSystemCollection = (name: string) => name.toLowerCase().startsWith('directus_');
