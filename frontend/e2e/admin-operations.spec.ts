import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createPool } from '@spark/db';
import { QUEUES } from '@spark/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type AuditResult, audit, editor, signIn } from './admin-helpers.js';

/**
 * Quality, links and operations in the admin: a duplicate pair resolved from the UI (its newer article back
 * in review, the decision in the work log), the links report, a filtered work log with an entry's diff, and
 * queue health as an administrator, where a failed job is retried. Fixture rows go straight to the database
 * so the journey does not depend on what the demo library happens to generate.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const tag = randomBytes(4).toString('hex');
const SHARED = 'every roof we replace comes with a ten year workmanship warranty';
let siteId = '';
let campaignId = '';
const articles = { older: '', newer: '' };

test.beforeAll(async () => {
  siteId =
    (await pool.query<{ id: string }>(`select id from sites where domain = 'alpha.localhost'`)).rows[0]?.id ??
    '';
  campaignId =
    (
      await pool.query<{ id: string }>(
        'insert into campaign_masters (site_id, name) values ($1, $2) returning id',
        [siteId, `Ops ${tag}`],
      )
    ).rows[0]?.id ?? '';
  for (const [key, day] of [
    ['older', '2026-01-01'],
    ['newer', '2026-02-01'],
  ] as const) {
    const slug = `ops-${key}-${tag}`;
    articles[key] =
      (
        await pool.query<{ id: string }>(
          `insert into generated_articles (site_id, campaign_id, title, slug, html_content, word_count, status,
                                           generation_key, date_created)
           values ($1, $2, $3, $4, $5, 40, 'approved', $4, $6) returning id`,
          [
            siteId,
            campaignId,
            `Roof guide ${key} ${tag}`,
            slug,
            `<p>The ${key} guide starts here. Every roof we replace comes with a ten-year workmanship warranty. Then it ends.</p>`,
            `${day}T00:00:00Z`,
          ],
        )
      ).rows[0]?.id ?? '';
  }
  await pool.query(
    `insert into quality_flags (site_id, article_id, other_article_id, type, score, excerpt)
     values ($1, $2, $3, 'near_duplicate', 0.93, $4)`,
    [siteId, articles.newer, articles.older, SHARED],
  );
});
test.afterAll(() => pool.end());

test.describe.configure({ mode: 'serial' });

test('the alpha editor resolves a duplicate pair, reads the links report and finds the decision in the work log', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const audits: AuditResult[] = [];
  await signIn(page, editor('alpha.localhost'));

  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Quality', exact: true })
    .click();
  const pair = page.getByTestId('pair').filter({ hasText: `Roof guide newer ${tag}` });
  await expect(pair).toBeVisible();
  await expect(pair.getByRole('article', { name: 'Earlier article' })).toContainText(
    `Roof guide older ${tag}`,
  );
  await expect(pair.locator('mark').first()).toHaveText(
    'Every roof we replace comes with a ten-year workmanship warranty',
  );
  await audit(page, 'quality', testInfo, audits);
  await pair.getByRole('button', { name: /^Resolve: newer back to review/ }).click();
  await expect(page.getByText('Resolved: the newer article is back in review')).toBeVisible();
  await expect(pair).toHaveCount(0);
  const statuses = await pool.query<{ id: string; status: string }>(
    'select id, status from generated_articles where id = any($1::uuid[])',
    [[articles.older, articles.newer]],
  );
  expect(Object.fromEntries(statuses.rows.map((row) => [row.id, row.status]))).toEqual({
    [articles.older]: 'approved',
    [articles.newer]: 'qc',
  });

  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Links', exact: true })
    .click();
  await page.getByLabel('Campaign', { exact: true }).selectOption({ label: `Ops ${tag}` });
  await expect(page.getByTestId('links-articles')).toHaveText('2');
  await expect(page.getByTestId('links-orphans')).toHaveText('2');
  await expect(page.getByTestId('orphans')).toContainText(`Roof guide older ${tag}`);
  await audit(page, 'links', testInfo, audits);

  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Operations', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Queues' })).toHaveCount(0);
  await page.getByLabel('Action').fill('quality_flags.resolve');
  await page.getByLabel('Level').selectOption('info');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const entries = page.getByTestId('worklog-entry');
  await expect(entries.first()).toContainText('quality_flags.resolve');
  for (const text of await entries.allTextContents()) expect(text).toContain('quality_flags.resolve');
  await entries.first().locator('summary').click();
  const diff = entries.first().getByRole('table', { name: 'Changed fields' });
  await expect(diff.getByRole('row', { name: /status open resolved/ })).toBeVisible();
  await audit(page, 'operations', testInfo, audits);
  await testInfo.attach('axe', { body: JSON.stringify(audits, null, 2), contentType: 'application/json' });
});

test('an administrator sees queue and service health and retries a failed job', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const audits: AuditResult[] = [];
  const redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: null });
  const maintenance = new Queue(QUEUES.maintenance, { connection: redis });
  try {
    const job = await maintenance.add(`not-a-maintenance-job-${tag}`, {}, { attempts: 1 });
    await expect.poll(() => job.getState(), { timeout: 120_000 }).toBe('failed');
    await signIn(page, {
      siteDomain: 'localhost',
      email: process.env.ADMIN_EMAIL ?? '',
      password: process.env.ADMIN_PASSWORD ?? '',
    });
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Operations', exact: true })
      .click();
    await expect(page.getByTestId('service-database')).toContainText('Up');
    await expect(page.getByTestId('service-worker')).toContainText('Up');
    await expect(
      page.getByTestId('queue-table').getByRole('row', { name: new RegExp(QUEUES.maintenance) }),
    ).toBeVisible();
    const failed = page
      .getByTestId('failed-jobs')
      .getByRole('listitem')
      .filter({ hasText: `not-a-maintenance-job-${tag}` });
    await expect(failed).toContainText('unknown maintenance job');
    await audit(page, 'operations-admin', testInfo, audits);
    await failed.getByRole('button', { name: `Retry job ${job.id} of ${QUEUES.maintenance}` }).click();
    await expect(page.getByText(`Job ${job.id} is waiting again`)).toBeVisible();
    // The worker ran it again (and, being unknown, failed it again): a second attempt was made.
    await expect
      .poll(async () => (await maintenance.getJob(job.id ?? ''))?.attemptsStarted ?? 0, { timeout: 120_000 })
      .toBeGreaterThan(1);
    // Removed once that attempt has ended: a job the worker still holds is locked and cannot be removed.
    await expect.poll(() => job.getState(), { timeout: 120_000 }).toBe('failed');
    await (await maintenance.getJob(job.id ?? ''))?.remove();
    await testInfo.attach('axe', { body: JSON.stringify(audits, null, 2), contentType: 'application/json' });
  } finally {
    await maintenance.close();
    redis.disconnect();
  }
});
