import type { Pool } from '@spark/db';
import { loadProductionContext, type ProductionContext } from './production-context.js';

/**
 * Chunks of one job that run in this process share one context: the library is parsed once, the
 * least-used counts stay balanced across them, and their slugs never collide with each other. Entries
 * expire so a long-lived worker picks up library edits and never grows without bound.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 16;
const contexts = new Map<string, { context: Promise<ProductionContext>; expiresAt: number }>();

export function contextForJob(
  pool: Pool,
  job: { id: string; siteId: string; campaignId: string },
): Promise<ProductionContext> {
  const now = Date.now();
  const cached = contexts.get(job.id);
  if (cached && cached.expiresAt > now) return cached.context;
  for (const [id, entry] of contexts) if (entry.expiresAt <= now) contexts.delete(id);
  if (contexts.size >= MAX_ENTRIES) contexts.clear();
  const context = loadProductionContext(pool, job);
  contexts.set(job.id, { context, expiresAt: now + TTL_MS });
  context.catch(() => contexts.delete(job.id));
  return context;
}

export function forgetContext(jobId: string): void {
  contexts.delete(jobId);
}
