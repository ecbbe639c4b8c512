import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createPool } from '@spark/db';
import { type AuditResult, audit, editor, signIn } from './admin-helpers.js';

/**
 * The admin shows what the publish gate held back and why, and overrides it only when asked; the jobs page
 * tells a run with failures from a clean one. The fixture rows are written straight to the database so the
 * journey does not depend on what the demo library happens to produce.
 */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const tag = randomBytes(4).toString('hex');
let campaignId = '';
let siteId = '';

test.beforeAll(async () => {
  const { rows } = await pool.query<{ site_id: string; avatar_ids: string[]; template_id: string }>(
    `select s.id as site_id,
            array(select id from avatar_intelligence where site_id = s.id order by name limit 1) as avatar_ids,
            (select id from article_templates where site_id = s.id order by name limit 1) as template_id
     from sites s where s.domain = 'alpha.localhost'`,
  );
  const site = rows[0];
  if (!site) throw new Error('no alpha.localhost demo site');
  siteId = site.site_id;
  const campaign = await pool.query<{ id: string }>(
    `insert into campaign_masters (site_id, name, headline_spintax_root, niche_variables, avatar_ids, template_id,
                                   target_word_count)
     values ($1, $2, '{Niche} in {City}', '{"Niche": "Roofing"}', $3, $4, 300) returning id`,
    [siteId, `Gate ${tag}`, site.avatar_ids, site.template_id],
  );
  campaignId = campaign.rows[0]?.id ?? '';
  const articles = await pool.query<{ id: string; title: string }>(
    `insert into generated_articles (site_id, campaign_id, title, slug, html_content, word_count, status,
                                     generation_key)
     select $1, $2, t.title, t.slug, '<p>Roofing text.</p>', 2, 'approved', t.slug
     from (values ($3, $4), ($5, $6)) as t(title, slug) returning id, title`,
    [siteId, campaignId, `Flagged ${tag}`, `gate-flagged-${tag}`, `Clean ${tag}`, `gate-clean-${tag}`],
  );
  const flagged = articles.rows.find((row) => row.title.startsWith('Flagged'));
  await pool.query(
    `insert into quality_flags (site_id, article_id, type, score) values ($1, $2, 'short', 2)`,
    [siteId, flagged?.id],
  );
  await pool.query(
    `insert into generation_jobs (site_id, campaign_id, type, status, params, total, processed, failed, progress,
                                  error, started_at, finished_at)
     values ($1, $2, 'generate_articles', 'completed', '{"count": 5}', 5, 3, 2, 100,
             $3, now(), now()),
            ($1, $2, 'generate_articles', 'failed', '{"count": 4}', 4, 0, 4, 100, $4, now(), now())`,
    [
      siteId,
      campaignId,
      `2 headline(s) failed quality gates, e.g. "Roofing in Waco": Unresolved tokens: {County} ${tag}`,
      `4 headline(s) failed quality gates, e.g. "Roofing in Troy": Unresolved tokens: {Population} ${tag}`,
    ],
  );
});
test.afterAll(async () => {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from generation_jobs where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

test('the board lists what the quality gate held back, with the reason, and publishes it only on override', async ({
  page,
}, testInfo) => {
  const audits: AuditResult[] = [];
  await signIn(page, editor('alpha.localhost'));
  await page.goto('/admin/board');
  await page.getByLabel('Campaign').selectOption({ label: `Gate ${tag}` });
  await expect(page.getByTestId('count-approved')).toHaveText('2');
  const boxes = page.getByTestId('column-approved').getByTestId('card-checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Publish now' }).click();

  const held = page.getByTestId('held-back');
  await expect(held).toContainText('1 held back by the quality gate');
  await expect(held).toContainText(`Flagged ${tag} — too short`);
  await expect(page.getByText('1 published, 1 held back (open quality flags)')).toBeVisible();
  await expect(page.getByTestId('count-published')).toHaveText('1');
  await expect(page.getByTestId('count-approved')).toHaveText('1');
  await audit(page, 'board-held-back', testInfo, audits);

  await held.getByRole('button', { name: `Publish anyway: “Flagged ${tag}”` }).click();
  await expect(page.getByTestId('count-approved')).toHaveText('0');
  await expect(page.getByTestId('count-published')).toHaveText('2');
  await expect(held).toHaveCount(0);
  // The board moves the card at once; the database follows when the answer comes.
  await expect(page.getByText('1 published', { exact: true })).toBeVisible();
  const { rows } = await pool.query<{ status: string; by: string | null }>(
    `select status, quality_override_by as by from generated_articles where campaign_id = $1 and title = $2`,
    [campaignId, `Flagged ${tag}`],
  );
  expect(rows[0]?.status).toBe('published');
  expect(rows[0]?.by).not.toBeNull();
});

test('the jobs page says a run completed with failures, or failed outright, with the first reason', async ({
  page,
}) => {
  await signIn(page, editor('alpha.localhost'));
  await page.goto('/admin/jobs');
  const partial = page.getByRole('row').filter({ hasText: `{County} ${tag}` });
  await expect(partial.getByTestId('job-outcome')).toHaveText('completed with 2 failures');
  const failed = page.getByRole('row').filter({ hasText: `{Population} ${tag}` });
  await expect(failed.getByTestId('job-outcome')).toHaveText('failed: all 4 failed');
});
