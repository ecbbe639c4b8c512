import { z } from 'zod';

/**
 * Server-side configuration, read from the process environment at run time (never inlined into a bundle).
 * Parsed once; a missing variable fails the first request that needs it with a message naming it.
 */
const serverEnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().url(),
  DIRECTUS_INTERNAL_URL: z.string().url().default('http://127.0.0.1:8055'),
  DIRECTUS_READ_TOKEN: z.string().min(16),
  DIRECTUS_ADMIN_TOKEN: z.string().min(16),
  PUBLIC_PLATFORM_HOST: z.string().default('localhost'),
  PUBLIC_DIRECTUS_URL: z.string().url().default('http://localhost:8055'),
  CORS_ORIGIN: z.string().default(''),
  /** Bearer token that unlocks per-dependency detail on /api/health (monitoring); empty = admins only. */
  HEALTH_TOKEN: z
    .union([z.literal(''), z.string().min(16, 'HEALTH_TOKEN needs at least 16 characters')])
    .default(''),
  /** PostgreSQL: wait for a connection at most this long, and cancel any statement running longer. */
  PG_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid server environment — ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
