import { writeFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { type AuditResult, audit, editor, port, signIn } from './admin-helpers.js';

const BASE = `http://localhost:${port}`;
const TYPO = [
  '{Best|Top|Trusted|Leading} {Niche} in {City}, {State_Code}',
  '{Niche} Near {City}: {What to Know|A Local Guide|Costs and Options ({Year})',
].join('\n');
const FIXED = [
  '{Best|Top|Trusted|Leading} {Niche} in {City}, {State_Code}',
  '{Niche} Near {City}: {What to Know|A Local Guide|Costs and Options} ({Year})',
].join('\n');

interface Card {
  id: string;
  slug: string;
  title: string;
}

async function column(request: APIRequestContext, status: string, campaignId: string) {
  const answer = await request.get(
    `${BASE}/api/seo/articles?status=${status}&campaign_id=${campaignId}&limit=100`,
  );
  expect(answer.status()).toBe(200);
  return (await answer.json()) as { data: Card[]; total: number };
}

async function selectCards(page: Page, status: string, count: number) {
  const boxes = page.getByTestId(`column-${status}`).getByTestId('card-checkbox');
  for (let i = 0; i < count; i += 1) await boxes.nth(i).check();
  await expect(page.getByTestId('selected-count')).toHaveText(`${count} selected`);
}

test.describe.configure({ mode: 'serial' });

test('the alpha editor runs the content loop in the admin, and the beta editor sees none of it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const audits: AuditResult[] = [];
  const alpha = editor('alpha.localhost');

  // Sign-in page first (signed out), then in.
  await page.goto('/admin/sign-in');
  await audit(page, 'sign-in', testInfo, audits);
  await signIn(page, alpha);
  await audit(page, 'campaigns', testInfo, audits);

  // A new campaign with a spintax typo: the editor shows where it is as you type.
  const name = `E2E roofing ${Date.now()}`;
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Campaign name').fill(name);
  await page.getByLabel('Variable 1 value').fill('Roofing');
  await page.getByLabel('Location mode').selectOption('radius');
  await page.getByLabel('Centre city').fill('Dal');
  await page.getByRole('button', { name: 'Dallas, TX' }).click();
  await page.getByLabel('Radius (km)').fill('25');
  await page.getByLabel('Aging-Roof Owner').check();
  await page.getByLabel('Storm-Hit Homeowner').check();
  await page.getByLabel('Article template').selectOption({ label: 'Local roofing guide' });
  await page.getByLabel('Headline patterns (one per line)').fill(TYPO);
  await expect(page.getByTestId('spintax-issues')).toContainText('Line 2, column 22:');
  // Inline highlighting: the error's character is marked, and groups and variables are coloured.
  const highlight = page.getByTestId('spintax-highlight');
  await expect(highlight.locator('[data-error="true"]')).toHaveCount(1);
  await expect(highlight.locator('[data-kind="variable"]').first()).toBeAttached();
  await expect(highlight.locator('[data-kind="group"]').first()).toBeAttached();
  await expect(page.getByText('Fix the errors in the patterns to see the count and samples.')).toBeVisible();
  await expect(page.getByText(/No city starts with/)).toHaveCount(0);
  await audit(page, 'campaign-new', testInfo, audits);

  // Fixed: the exact count (7 variants × the 19 Texas places within 25 km of Dallas × 2 avatars) and seeded
  // samples; shuffle shows others.
  await page.getByLabel('Headline patterns (one per line)').fill(FIXED);
  await expect(page.getByTestId('spintax-issues')).toHaveCount(0);
  await expect(page.getByTestId('variant-count')).toHaveText('266');
  await expect(page.getByTestId('cities-covered')).toHaveText('Covers 19 cities.');
  await expect(
    page.getByRole('img', { name: 'Map of the 19 covered cities, within 25 km of the centre' }),
  ).toBeVisible();
  await expect(page.getByTestId('location-map')).toContainText('Includes');
  const samples = page.getByRole('list', { name: 'Sample headlines' }).getByRole('listitem');
  await expect(samples).toHaveCount(5);
  // The template's reachable article length, from the library, under the samples.
  await expect(page.getByTestId('library-reach')).toHaveText(/^Articles of about \d+ words/);
  const before = await samples.allTextContents();
  await page.getByRole('button', { name: 'Shuffle' }).click();
  await expect.poll(async () => (await samples.allTextContents()).join('|')).not.toBe(before.join('|'));
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/[0-9a-f-]{36}$/);
  const campaignId = page.url().split('/').pop() ?? '';
  // Reopened, the radius campaign names its centre city again (only the point is stored).
  await page.reload();
  await expect(page.getByLabel('Centre city')).toHaveValue('Dallas, TX');

  // Generate 200 and watch the bar reach 100 %.
  await expect(page.getByTestId('remaining')).toHaveText('This campaign can still make 266 articles.');
  await page.getByLabel('How many').fill('200');
  await page.getByRole('button', { name: 'Generate 200 articles' }).click();
  await expect(page.getByRole('progressbar', { name: 'Generation progress' })).toBeVisible();
  await expect(page.getByTestId('job-percent')).toHaveText('100%', { timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toContainText('Job completed');
  await audit(page, 'campaign-edit', testInfo, audits);

  // Review board: 10 to approved (9 by selection, 1 by keyboard), then 5 published now and 5 spread.
  await page.goto('/admin/board');
  await page.getByLabel('Campaign').selectOption({ label: name });
  await expect(page.getByTestId('count-qc')).toHaveText('200');
  await selectCards(page, 'qc', 9);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('count-approved')).toHaveText('9');
  await page.getByTestId('column-qc').getByTestId('card-checkbox').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('count-approved')).toHaveText('10');
  await expect(page.getByTestId('count-qc')).toHaveText('190');
  await selectCards(page, 'approved', 5);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByTestId('count-approved')).toHaveText('5');
  await selectCards(page, 'approved', 5);
  await page.getByRole('button', { name: 'Spread by velocity' }).click();
  await expect(page.getByTestId('count-approved')).toHaveText('0');
  // Drag and drop: a card from review onto approved (dropped on the column's heading, which is in view next to the
  // first card), then back to review with the bulk action.
  await page.waitForLoadState('networkidle');
  await page
    .getByTestId('column-qc')
    .getByRole('listitem')
    .first()
    .dragTo(page.getByTestId('column-approved').getByRole('heading'));
  await expect(page.getByTestId('count-approved')).toHaveText('1');
  await selectCards(page, 'approved', 1);
  await page.getByRole('button', { name: 'Back to review' }).click();
  await expect(page.getByTestId('count-approved')).toHaveText('0');
  await expect(page.getByTestId('count-qc')).toHaveText('190');
  // A refused move is undone on the board, with the server's reason.
  await page.route(
    '**/api/seo/approve-batch',
    (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'CONFLICT', message: 'The article changed meanwhile' } }),
      }),
    { times: 1 },
  );
  await page.getByTestId('column-qc').getByTestId('card-checkbox').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Move undone: The article changed meanwhile')).toBeVisible();
  await expect(page.getByTestId('count-approved')).toHaveText('0');
  await expect(page.getByTestId('count-qc')).toHaveText('190');
  const published = await column(page.request, 'published', campaignId);
  const scheduled = await column(page.request, 'scheduled', campaignId);
  expect(published.total + scheduled.total).toBe(10);
  expect(published.total).toBeGreaterThanOrEqual(5);
  await audit(page, 'board', testInfo, audits);

  // The preview (members only) and the live article on the tenant host.
  const live = published.data[0] as Card;
  const draft = (await column(page.request, 'qc', campaignId)).data[0] as Card;
  await page.goto(`/admin/preview/${draft.id}`);
  await expect(page.getByTestId('preview-banner')).toContainText('qc');
  await expect(page.getByTestId('open-in-studio')).toHaveAttribute(
    'href',
    `${process.env.PUBLIC_DIRECTUS_URL}/admin/content/generated_articles/${draft.id}`,
  );
  await expect(page.getByTestId('preview-notes')).toContainText(`alpha.localhost/${draft.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title);
  await audit(page, 'preview', testInfo, audits);
  await page.goto('/admin/jobs');
  await expect(page.getByRole('cell', { name: 'completed' }).first()).toBeVisible();
  await audit(page, 'jobs', testInfo, audits);
  const tenant = await page.goto(`http://alpha.localhost:${port}/${live.slug}`);
  expect(tenant?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(live.title);
  const tenantAdmin = await page.goto(`http://alpha.localhost:${port}/admin/campaigns`);
  expect(tenantAdmin?.status()).toBe(404);

  // A forged cross-site form post (no CSRF token) from another origin changes nothing.
  const victim = (await column(page.request, 'qc', campaignId)).data[1] as Card;
  await page.goto(`http://alpha.localhost:${port}/${live.slug}`);
  // Wait for the forged request's own answer: checking before it arrived would prove nothing.
  const forgedAnswer = page.waitForResponse((response) => response.url() === `${BASE}/api/seo/approve-batch`);
  await page.evaluate(
    ({ target, body }) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = target;
      form.enctype = 'text/plain';
      const input = document.createElement('input');
      input.name = body.slice(0, -2);
      input.value = '"}';
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { target: `${BASE}/api/seo/approve-batch`, body: JSON.stringify({ article_ids: [victim.id], x: '' }) },
  );
  // 401 when the browser withholds the cookie cross-site, 403 when it sends it: never a change.
  expect([401, 403]).toContain((await forgedAnswer).status());
  await page.waitForURL(`${BASE}/api/seo/approve-batch`);
  const qcIds = (await column(page.request, 'qc', campaignId)).data.map((card) => card.id);
  expect(qcIds).toContain(victim.id);

  // Sign out: the old cookie no longer opens the admin API.
  await page.goto('/admin/campaigns');
  const oldCookie = (await page.context().cookies(BASE)).find((c) => c.name === 'spark_session');
  expect(oldCookie?.httpOnly).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  const replay = await page.request.get(`${BASE}/api/campaigns`, {
    headers: { cookie: `spark_session=${oldCookie?.value ?? ''}` },
  });
  expect(replay.status()).toBe(401);

  // The beta editor: none of alpha's campaigns, jobs or articles, in the UI or the API.
  const betaContext = await browser.newContext({ baseURL: BASE });
  const beta = await betaContext.newPage();
  await signIn(beta, editor('beta.localhost'));
  await expect(beta.getByText(name)).toHaveCount(0);
  expect((await beta.request.get(`${BASE}/api/campaigns/${campaignId}`)).status()).toBe(404);
  const betaJobs = (await (await beta.request.get(`${BASE}/api/seo/jobs?limit=100`)).json()) as {
    data: { campaign_id: string }[];
  };
  expect(betaJobs.data.some((job) => job.campaign_id === campaignId)).toBe(false);
  expect((await beta.request.get(`${BASE}/api/seo/articles?status=qc&campaign_id=${campaignId}`)).ok()).toBe(
    true,
  );
  expect((await column(beta.request, 'qc', campaignId)).total).toBe(0);
  expect((await beta.goto(`/admin/preview/${draft.id}`))?.status()).toBe(404);
  await betaContext.close();

  // Next to the screenshots, so a reviewer finds both in one folder.
  const axeReport = JSON.stringify(audits, null, 2);
  writeFileSync(testInfo.outputPath('axe-results.json'), axeReport);
  await testInfo.attach('axe-results.json', { body: axeReport, contentType: 'application/json' });
});
