import { randomUUID } from 'node:crypto';
import { createPool } from '@spark/db';
import { QUEUES } from '@spark/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi, editorToken, isErrorEnvelope } from '../../../testing/http.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: null });
const maintenance = new Queue(QUEUES.maintenance, { connection: redis });
afterAll(async () => {
  await maintenance.close();
  redis.disconnect();
  await pool.end();
});

const run = randomUUID().slice(0, 8);
let alphaSite = '';
let alphaEditor = '';
let campaign = '';

async function insertArticle(title: string, createdAt: string, status = 'approved'): Promise<string> {
  const slug = `quality-${run}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into generated_articles (site_id, campaign_id, title, slug, html_content, status, generation_key, date_created)
     values ($1, $2, $3, $4, $5, $6, $4, $7) returning id`,
    [
      alphaSite,
      campaign,
      title,
      slug,
      `<p>${title} opens differently. Our crews replace storm damaged shingles within two days of the claim. ${title} ends.</p>`,
      status,
      createdAt,
    ],
  );
  return rows[0]?.id ?? '';
}

async function insertPair(older: string, newer: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into quality_flags (site_id, article_id, other_article_id, type, score, excerpt)
     values ($1, $2, $3, 'near_duplicate', 0.91, 'our crews replace storm damaged shingles within two days')
     returning id`,
    [alphaSite, newer, older],
  );
  return rows[0]?.id ?? '';
}

const statusOf = async (table: 'generated_articles' | 'quality_flags', id: string) =>
  (await pool.query<{ status: string }>(`select status from ${table} where id = $1`, [id])).rows[0]?.status;

const logEntries = async (entityId: string) =>
  (
    await pool.query<{ action: string; user_id: string | null; details: Record<string, unknown> }>(
      'select action, user_id, details from work_log where entity_id = $1 order by "timestamp"',
      [entityId],
    )
  ).rows;

beforeAll(async () => {
  alphaSite =
    (await pool.query<{ id: string }>(`select id from sites where domain = 'alpha.localhost'`)).rows[0]?.id ??
    '';
  alphaEditor = editorToken('alpha.localhost');
  campaign =
    (
      await pool.query<{ id: string }>(
        `insert into campaign_masters (site_id, name) values ($1, $2) returning id`,
        [alphaSite, `Quality ${run}`],
      )
    ).rows[0]?.id ?? '';
});

interface FlagPage {
  data: {
    id: string;
    status: string;
    article: { id: string; passage: { shared: string } | null };
    other: { id: string; passage: { shared: string } | null } | null;
  }[];
  total: number;
}

describe('quality flags', () => {
  it('lists a pair older article first, each with the shared passage as written in it', async () => {
    const older = await insertArticle('Original roof guide', '2026-01-01T00:00:00Z');
    const newer = await insertArticle('Copied roof guide', '2026-02-01T00:00:00Z');
    const flag = await insertPair(older, newer);
    const answer = await callApi<FlagPage>(
      `/api/admin/quality/flags?type=near_duplicate&campaign_id=${campaign}`,
      { token: alphaEditor },
    );
    expect(answer.status).toBe(200);
    const pair = answer.body.data.find((row) => row.id === flag);
    expect(pair?.article.id).toBe(older);
    expect(pair?.other?.id).toBe(newer);
    expect(pair?.article.passage?.shared).toBe('Our crews replace storm damaged shingles within two days');
    expect(pair?.other?.passage?.shared).toBe('Our crews replace storm damaged shingles within two days');
  });

  it('resolving a pair returns the newer article to review, once, and writes the work log', async () => {
    const older = await insertArticle('Resolve original', '2026-01-01T00:00:00Z');
    const newer = await insertArticle('Resolve copy', '2026-03-01T00:00:00Z');
    const flag = await insertPair(older, newer);
    const answer = await callApi<{ data: { status: string; returned_article_id: string | null } }>(
      `/api/admin/quality/flags/${flag}/decision`,
      { method: 'POST', token: alphaEditor, json: { decision: 'resolve', note: 'rewrite the copy' } },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ status: 'resolved', returned_article_id: newer });
    expect(await statusOf('quality_flags', flag)).toBe('resolved');
    expect(await statusOf('generated_articles', newer)).toBe('qc');
    expect(await statusOf('generated_articles', older)).toBe('approved');
    const log = await logEntries(flag);
    expect(log.map((entry) => entry.action)).toEqual(['quality_flags.resolve']);
    expect(log[0]?.details).toMatchObject({ returned_to_review: newer, note: 'rewrite the copy' });
    expect(log[0]?.user_id).not.toBeNull();

    const again = await callApi(`/api/admin/quality/flags/${flag}/decision`, {
      method: 'POST',
      token: alphaEditor,
      json: { decision: 'dismiss' },
    });
    expect(again.status).toBe(409);
    expect(await statusOf('quality_flags', flag)).toBe('resolved');
    expect(await logEntries(flag)).toHaveLength(1);
  });

  it('dismissing marks the flag ignored and leaves both articles as they were', async () => {
    const older = await insertArticle('Dismiss original', '2026-01-01T00:00:00Z');
    const newer = await insertArticle('Dismiss copy', '2026-03-01T00:00:00Z');
    const flag = await insertPair(older, newer);
    const answer = await callApi(`/api/admin/quality/flags/${flag}/decision`, {
      method: 'POST',
      token: alphaEditor,
      json: { decision: 'dismiss' },
    });
    expect(answer.status).toBe(200);
    expect(await statusOf('quality_flags', flag)).toBe('ignored');
    expect(await statusOf('generated_articles', newer)).toBe('approved');
    expect((await logEntries(flag)).map((entry) => entry.action)).toEqual(['quality_flags.dismiss']);
    const ignored = await callApi<FlagPage>(
      `/api/admin/quality/flags?status=ignored&campaign_id=${campaign}`,
      { token: alphaEditor },
    );
    expect(ignored.body.data.map((row) => row.id)).toContain(flag);
  });

  it('refuses an unknown decision with 422 and changes nothing', async () => {
    const older = await insertArticle('Invalid original', '2026-01-01T00:00:00Z');
    const newer = await insertArticle('Invalid copy', '2026-03-01T00:00:00Z');
    const flag = await insertPair(older, newer);
    const answer = await callApi(`/api/admin/quality/flags/${flag}/decision`, {
      method: 'POST',
      token: alphaEditor,
      json: { decision: 'delete' },
    });
    expect(answer.status).toBe(422);
    expect(isErrorEnvelope(answer.body)).toBe(true);
    expect(await statusOf('quality_flags', flag)).toBe('open');
    expect(await logEntries(flag)).toHaveLength(0);
  });
});

describe('GET /api/admin/links', () => {
  it('counts outgoing links per article and lists the articles nobody links to', async () => {
    const { rows } = await pool.query<{ id: string }>(
      `insert into campaign_masters (site_id, name) values ($1, $2) returning id`,
      [alphaSite, `Links ${run}`],
    );
    const linksCampaign = rows[0]?.id ?? '';
    const previous = campaign;
    campaign = linksCampaign;
    const [a, b, c] = [
      await insertArticle('Links a', '2026-01-01T00:00:00Z'),
      await insertArticle('Links b', '2026-01-02T00:00:00Z'),
      await insertArticle('Links c', '2026-01-03T00:00:00Z'),
    ];
    campaign = previous;
    // a → b, a → c, b → c: a has two links out, b one, c none; nobody links to a.
    for (const [source, target] of [
      [a, b],
      [a, c],
      [b, c],
    ]) {
      await pool.query(
        `insert into article_links (site_id, source_article_id, target_article_id, target_url, anchor_text, position)
         values ($1, $2, $3, $4, 'anchor', 0)`,
        [alphaSite, source, target, `/${target}`],
      );
    }
    const answer = await callApi<{
      data: {
        articles: number;
        links: number;
        outgoing: { links: number; articles: number }[];
        orphans: { id: string }[];
        orphan_count: number;
      };
    }>(`/api/admin/links?campaign_id=${linksCampaign}`, { token: alphaEditor });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ articles: 3, links: 3, orphan_count: 1 });
    expect(answer.body.data.outgoing).toEqual([
      { links: 0, articles: 1 },
      { links: 1, articles: 1 },
      { links: 2, articles: 1 },
    ]);
    expect(answer.body.data.orphans.map((orphan) => orphan.id)).toEqual([a]);
  });

  it('answers 422 for a campaign id that is not a uuid', async () => {
    const answer = await callApi('/api/admin/links?campaign_id=nope', { token: alphaEditor });
    expect(answer.status).toBe(422);
    expect(isErrorEnvelope(answer.body)).toBe(true);
  });
});

describe('GET /api/admin/worklog', () => {
  const action = `test.paging.${run}`;
  const user = randomUUID();

  async function insertEntry(timestamp: string, level = 'info') {
    await pool.query(
      `insert into work_log (site_id, action, entity_type, level, user_id, details, "timestamp")
       values ($1, $2, 'tests', $3, $4, '{"changes":{"status":{"from":"a","to":"b"}}}', $5)`,
      [alphaSite, action, level, user, timestamp],
    );
  }

  it('pages stably while new entries arrive, and filters by user, level and date', async () => {
    // Two entries share a timestamp: the id breaks the tie, so neither is skipped nor repeated.
    for (const t of [
      '2026-05-01T10:00:00Z',
      '2026-05-01T11:00:00Z',
      '2026-05-01T11:00:00Z',
      '2026-05-02T09:00:00Z',
    ])
      await insertEntry(t);
    await insertEntry('2026-05-03T09:00:00Z', 'error');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/admin/worklog?action=${action}&user_id=${user}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await callApi<{ data: { id: string; timestamp: string }[]; next_cursor: string | null }>(
        query,
        { token: alphaEditor },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((row) => row.id));
      cursor = page.body.next_cursor;
      pages += 1;
      // Newer entries arriving between pages belong before the first page, not inside the walk.
      if (pages === 1) await insertEntry(new Date().toISOString());
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    const filtered = await callApi<{ data: { level: string; timestamp: string }[] }>(
      `/api/admin/worklog?action=${action}&user_id=${user}&level=info&since=2026-05-01T10:30:00Z&until=2026-05-02T00:00:00Z`,
      { token: alphaEditor },
    );
    expect(filtered.body.data).toHaveLength(2);
    expect(filtered.body.data.every((row) => row.timestamp.startsWith('2026-05-01T11'))).toBe(true);

    const otherUser = await callApi<{ data: unknown[] }>(
      `/api/admin/worklog?action=${action}&user_id=${randomUUID()}`,
      { token: alphaEditor },
    );
    expect(otherUser.body.data).toEqual([]);
  });

  it('refuses a user filter that is not a uuid with 422', async () => {
    const answer = await callApi('/api/admin/worklog?user_id=someone', { token: alphaEditor });
    expect(answer.status).toBe(422);
    expect(isErrorEnvelope(answer.body)).toBe(true);
  });
});

describe('queue health', () => {
  async function failedJob() {
    const job = await maintenance.add(`not-a-maintenance-job-${run}`, {}, { attempts: 1 });
    const deadline = Date.now() + 120_000;
    while ((await job.getState()) !== 'failed') {
      if (Date.now() > deadline) throw new Error('the worker did not fail the job within two minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return (await maintenance.getJob(job.id ?? '')) ?? job;
  }

  it('shows an administrator the depths and a failed job with its error, and retries it', async () => {
    const job = await failedJob();
    const firstFailure = job.finishedOn ?? 0;
    const health = await callApi<{
      data: {
        queues: { name: string; failed: number; workers: number }[];
        failed_jobs: { queue: string; id: string; error: string }[];
      };
    }>('/api/admin/queues', { token: adminToken() });
    expect(health.status).toBe(200);
    const queue = health.body.data.queues.find((q) => q.name === QUEUES.maintenance);
    expect(queue?.failed).toBeGreaterThan(0);
    expect(queue?.workers).toBeGreaterThan(0);
    const listed = health.body.data.failed_jobs.find((failed) => failed.id === job.id);
    expect(listed?.error).toContain('unknown maintenance job');

    const retry = await callApi(`/api/admin/queues/${QUEUES.maintenance}/jobs/${job.id}/retry`, {
      method: 'POST',
      token: adminToken(),
    });
    expect(retry.status).toBe(200);
    // The worker ran it again: it failed once more, later than the first time.
    const deadline = Date.now() + 120_000;
    let refreshed = await maintenance.getJob(job.id ?? '');
    while (!((refreshed?.finishedOn ?? 0) > firstFailure && (await refreshed?.getState()) === 'failed')) {
      if (Date.now() > deadline) throw new Error('the retried job did not run again within two minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
      refreshed = await maintenance.getJob(job.id ?? '');
    }
    expect(refreshed?.finishedOn).toBeGreaterThan(firstFailure);
    await refreshed?.remove();
  });

  it('answers 409 for a job that is not failed and 404 for an unknown queue', async () => {
    const delayed = await maintenance.add(`not-a-maintenance-job-${run}`, {}, { delay: 3_600_000 });
    const conflict = await callApi(`/api/admin/queues/${QUEUES.maintenance}/jobs/${delayed.id}/retry`, {
      method: 'POST',
      token: adminToken(),
    });
    expect(conflict.status).toBe(409);
    expect(await delayed.getState()).toBe('delayed');
    await delayed.remove();
    const unknown = await callApi('/api/admin/queues/not-a-queue/jobs/1/retry', {
      method: 'POST',
      token: adminToken(),
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses site editors with 403', async () => {
    for (const path of ['/api/admin/queues', '/api/admin/services']) {
      const answer = await callApi(path, { token: alphaEditor });
      expect(answer.status).toBe(403);
      expect(isErrorEnvelope(answer.body)).toBe(true);
    }
  });

  it('reports database, Redis, Directus and the worker up to an administrator', async () => {
    const answer = await callApi<{ data: Record<string, { status: string }> }>('/api/admin/services', {
      token: adminToken(),
    });
    expect(answer.status).toBe(200);
    for (const service of ['database', 'redis', 'directus', 'worker'])
      expect(answer.body.data[service]?.status, service).toBe('up');
  });
});

describe('GET /api/seo/jobs?type', () => {
  it('lists only the jobs of that kind, for the quality page’s scan runs', async () => {
    const { rows } = await pool.query<{ id: string; type: string }>(
      `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
       values ($1, $2, 'scan_duplicates', 'completed', '{}', 3), ($1, $2, 'insert_links', 'completed', '{}', 3)
       returning id, type`,
      [alphaSite, campaign],
    );
    const scanId = rows.find((row) => row.type === 'scan_duplicates')?.id;
    const answer = await callApi<{ data: { id: string; type: string }[] }>(
      `/api/seo/jobs?type=scan_duplicates&limit=100`,
      { token: alphaEditor },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((job) => job.id)).toContain(scanId);
    expect(answer.body.data.every((job) => job.type === 'scan_duplicates')).toBe(true);
    const unknown = await callApi('/api/seo/jobs?type=reticulate', { token: alphaEditor });
    expect(unknown.status).toBe(422);
  });
});
