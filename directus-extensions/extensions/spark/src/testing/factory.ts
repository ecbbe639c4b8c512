import { randomBytes } from 'node:crypto';
import { GENERATION_QUEUE } from '@spark/contracts';
import { type TenantLibrary, tenantLibrary } from '@spark/devstack/demo-tenants';
import type { Redis } from 'ioredis';
import type pg from 'pg';

/** Helpers for the content-factory door's integration tests: demo-tenant ids, campaigns and jobs read from SQL. */

export { type TenantLibrary, tenantLibrary };

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Two headline patterns, one per line (a campaign's headline root may hold several). */
export const TWO_PATTERNS = [
  '{Best|Top|Trusted} {Niche} in {City}, {State_Code}',
  '{Niche} Near {City}: {What to Know|A Local Guide|Costs and Options} ({Year})',
].join('\n');

/** 10 × 10 headline variants × the demo region's cities × 2 avatars: room for a 10,000-article job. */
export const TEN_THOUSAND_HEADLINES =
  '{A|B|C|D|E|F|G|H|I|J} {Niche} {one|two|three|four|five|six|seven|eight|nine|ten} in {City}';

/**
 * A small headline space: two variants per city of a 50 km radius (a few hundred headlines even with the full
 * gazetteer), so 10,000 is always more than it can make.
 */
export const SMALL_SPACE = { spintax: 'Roofing {Guide|Tips} in {City}', radiusKm: 50 };

/**
 * A generatable campaign written straight to SQL (the setup of a test, not what it checks): 1,800 km around
 * north Texas, so every demo city is in it.
 */
export async function insertCampaign(
  db: pg.Pool,
  library: TenantLibrary,
  options: { spintax?: string; status?: string; autoGenerate?: number; radiusKm?: number } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into campaign_masters (site_id, name, status, headline_spintax_root, niche_variables, location_mode,
       radius_center, radius_km, avatar_ids, template_id, target_word_count, auto_generate)
     values ($1, $2, $3, $4, '{"Niche": "Roofing"}', 'radius', ST_SetSRID(ST_MakePoint(-96, 33), 4326), $8,
       $5, $6, 300, $7) returning id`,
    [
      library.siteId,
      `Door test ${randomBytes(4).toString('hex')}`,
      options.status ?? 'draft',
      options.spintax ?? TWO_PATTERNS,
      library.avatarIds,
      library.templateId,
      options.autoGenerate ?? 0,
      options.radiusKm ?? 1800,
    ],
  );
  return rows[0]?.id ?? '';
}

export async function removeCampaign(db: pg.Pool, campaignId: string): Promise<void> {
  await db.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await db.query('delete from generation_jobs where campaign_id = $1', [campaignId]);
  await db.query('delete from campaign_masters where id = $1', [campaignId]);
}

export const one = async <T>(db: pg.Pool, sql: string, params: unknown[]): Promise<T> =>
  (await db.query(sql, params)).rows[0] as T;

export interface JobRow {
  id: string;
  status: string;
  processed: number;
  total: number;
  error: string | null;
}

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

/** Polls the job's row until it is finished (the worker runs in the stack). */
export async function waitForJob(db: pg.Pool, jobId: string, timeoutMs = 180_000): Promise<JobRow> {
  const started = Date.now();
  for (;;) {
    const job = await one<JobRow>(
      db,
      'select id, status, processed, total, error from generation_jobs where id = $1',
      [jobId],
    );
    if (job && FINISHED.has(job.status)) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${jobId} still ${job?.status}`);
    await sleep(250);
  }
}

/** The campaigns of every generation chunk added to the queue since `start` (from its event stream). */
export async function watchGenerationQueue(redis: Redis) {
  const events = `bull:${GENERATION_QUEUE}:events`;
  const last = await redis.xrevrange(events, '+', '-', 'COUNT', 1);
  const from = last[0]?.[0] ?? '0';
  return async (): Promise<(string | null)[]> => {
    const entries = await redis.xrange(events, `(${from}`, '+');
    const added = entries.filter(([, fields]) => fields[fields.indexOf('event') + 1] === 'added');
    const campaigns: (string | null)[] = [];
    for (const [, fields] of added) {
      const data = await redis.hget(
        `bull:${GENERATION_QUEUE}:${fields[fields.indexOf('jobId') + 1]}`,
        'data',
      );
      campaigns.push(data ? ((JSON.parse(data) as { campaignId?: string }).campaignId ?? null) : null);
    }
    return campaigns;
  };
}
