import { randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { GENERATION_QUEUE } from '@spark/contracts';
import { FINISHED_JOB_STATUSES } from '@spark/contracts/admin';
import type { Pool } from '@spark/db';
import { type TenantLibrary, tenantLibrary } from '@spark/devstack/demo-tenants';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import { adminToken, callApi } from '../../../../testing/http.js';

/** Helpers for the factory's integration tests: they drive the running stack through its HTTP API. */

export { type TenantLibrary, tenantLibrary };

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The three shared-library headline patterns, one per line. */
export const THREE_PATTERNS = [
  '{Best|Top|Trusted} {Niche} in {City}, {State_Code}',
  '{Niche} Near {City}: {What to Know|A Local Guide|Costs and Options} ({Year})',
  '{Niche} in {City} for {Avatar_Name}s: {Straight Answers|What Locals Recommend}',
].join('\n');

/** 1,800 km around north Texas: all 50 demo cities (AZ, CO, FL, NC, TX) and the gazetteer's places in between. */
export const DEMO_REGION = { center: { lat: 33, lng: -96 }, radius_km: 1800 };

/** How many cities `DEMO_REGION` covers in the stack's gazetteer (over a thousand with the test subset). */
export async function citiesInDemoRegion(pool: Pool): Promise<number> {
  const { center, radius_km } = DEMO_REGION;
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from geo_cities
     where ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3 * 1000)`,
    [center.lng, center.lat, radius_km],
  );
  return rows[0]?.n ?? 0;
}

export async function createCampaign(
  library: TenantLibrary,
  overrides: Record<string, unknown> = {},
  token = adminToken(),
): Promise<{ id: string }> {
  const answer = await callApi<{ data: { id: string } }>('/api/campaigns', {
    method: 'POST',
    token,
    json: {
      site_id: library.siteId,
      name: `Factory test ${randomBytes(4).toString('hex')}`,
      headline_spintax_root: THREE_PATTERNS,
      niche_variables: { Niche: 'Roofing' },
      location_mode: 'radius',
      location: DEMO_REGION,
      avatar_ids: library.avatarIds,
      template_id: library.templateId,
      target_word_count: 300,
      ...overrides,
    },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.data;
}

/** 10 × 10 headline variants × the demo region's cities × 2 avatars: room for a 10,000-article job stopped partway. */
export const TEN_THOUSAND_HEADLINES =
  '{A|B|C|D|E|F|G|H|I|J} {Niche} {one|two|three|four|five|six|seven|eight|nine|ten} in {City}';

/** `POST /api/seo/generate-article` for `count` articles; the job's id once it is accepted (202). */
export async function startGeneration(
  campaignId: string,
  count: number,
  token = adminToken(),
): Promise<string> {
  const started = await callApi<{ job_id: string }>('/api/seo/generate-article', {
    method: 'POST',
    token,
    json: { campaign_id: campaignId, count },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return started.body.job_id;
}

export interface JobAnswer {
  status: string;
  processed: number;
  failed: number;
  total: number;
  error: string | null;
}

export async function waitForJob(jobId: string, timeoutMs = 60_000): Promise<JobAnswer> {
  const started = Date.now();
  for (;;) {
    const answer = await callApi<JobAnswer>(`/api/seo/jobs/${jobId}`, { token: adminToken() });
    if (FINISHED_JOB_STATUSES.includes(answer.body.status)) return answer.body;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${jobId} still ${answer.body.status}`);
    await sleep(200);
  }
}

/**
 * Watches the generation queue's event stream: every job added since `start()`, with its campaign. Added
 * events are recorded even for jobs that already ran, so "nothing was enqueued" cannot pass by timing.
 */
export async function watchGenerationQueue() {
  const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: null });
  const queue = new Queue(GENERATION_QUEUE, { connection: redis });
  const events = `bull:${GENERATION_QUEUE}:events`;
  const last = await redis.xrevrange(events, '+', '-', 'COUNT', 1);
  const from = last[0]?.[0] ?? '0';
  return {
    async addedCampaigns(): Promise<(string | null)[]> {
      const entries = await redis.xrange(events, `(${from}`, '+');
      const added = entries.filter(([, fields]) => fields[fields.indexOf('event') + 1] === 'added');
      const ids = added.map(([, fields]) => fields[fields.indexOf('jobId') + 1] ?? '');
      const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
      return jobs.map((job) => (job?.data as { campaignId?: string } | undefined)?.campaignId ?? null);
    },
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}

/**
 * GET a tenant page as its host. Node's fetch ignores a Host header (it always sends the URL's host), so
 * tenant hosts are reached with node:http, which sends the header as given.
 */
export function getOnHost(host: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, process.env.FRONTEND_URL);
  return new Promise((resolve, reject) => {
    const request = httpGet(
      { hostname: url.hostname, port: url.port, path: url.pathname, headers: { host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}
