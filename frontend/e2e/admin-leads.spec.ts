import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { createPool } from '@spark/db';
import { type AuditResult, audit, editor, port, signIn } from './admin-helpers.js';

const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
const marker = randomBytes(4).toString('hex');
const secret = `whsec_e2e_${marker}_0123456789`;
const email = `crm-${marker}@example.com`;
const formSlug = `e2e-hook-${marker}`;

/**
 * A local webhook receiver (the test stack lets the worker reach loopback addresses; production refuses them):
 * it refuses the first delivery with a 410, which ends it at once as failed, and accepts every later one.
 */
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.statusCode = received.length === 1 ? 410 : 204;
    response.end();
  });
});

let alphaSiteId = '';
let leadId = '';

/** A visitor's form post on alpha's domain (node:http: fetch would drop the Host header). */
function submitLead(body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `http://127.0.0.1:${port}/api/forms/submit`,
      {
        method: 'POST',
        headers: {
          host: 'alpha.localhost',
          'content-type': 'application/json',
          'user-agent':
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port: receiverPort } = receiver.address() as AddressInfo;
  const site = await pool.query<{ id: string }>(`select id from sites where domain = 'alpha.localhost'`);
  alphaSiteId = site.rows[0]?.id ?? '';
  // A form of alpha's own whose webhook points at the receiver; the demo forms stay as they are.
  await pool.query(
    `insert into forms (site_id, slug, name, fields, webhook_url, webhook_secret)
     values ($1, $2, 'Roof check (webhook test)', $3, $4, $5)`,
    [
      alphaSiteId,
      formSlug,
      JSON.stringify([
        { name: 'full_name', label: 'Name', type: 'text', required: true, max_length: 120 },
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'phone', label: 'Phone', type: 'tel', required: false },
        { name: 'roof_age', label: 'Roof age', type: 'text', required: false },
      ]),
      `http://127.0.0.1:${receiverPort}/hook`,
      secret,
    ],
  );
  const status = await submitLead({
    form: formSlug,
    fields: { full_name: `Casey ${marker}`, email, phone: '+1 512 555 0147', roof_age: '18 years' },
    consent: true,
    consent_text: 'You may call me about my roof.',
    page_url: `http://alpha.localhost:${port}/roofing?utm_source=e2e`,
    utm_source: 'e2e-newsletter',
    utm_campaign: 'spring-roofs',
    gclid: `gclid-${marker}`,
    elapsed_ms: 9000,
  });
  expect(status).toBe(200);
  const lead = await pool.query<{ id: string }>('select id from leads where email = $1', [email]);
  leadId = lead.rows[0]?.id ?? '';
  expect(leadId).not.toBe('');
});

test.afterAll(async () => {
  receiver.close();
  await pool.query('delete from leads where email = $1', [email]);
  await pool.query('delete from forms where site_id = $1 and slug = $2', [alphaSiteId, formSlug]);
  await pool.end();
});

test('alpha’s editor works a lead: moves it to contacted with a note, and redelivers its failed webhook', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const audits: AuditResult[] = [];
  await signIn(page, editor('alpha.localhost'));

  await page.getByRole('link', { name: 'Leads', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Leads', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill(marker);
  await expect(page.getByTestId('lead-total')).toHaveText('1 lead');
  await expect(page.getByRole('link', { name: `Casey ${marker}` })).toBeVisible();
  await audit(page, 'leads', testInfo, audits);

  await page.getByRole('link', { name: `Casey ${marker}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/leads/${leadId}$`));
  await expect(page.getByRole('heading', { name: `Casey ${marker}` })).toBeVisible();
  // Every field, the attribution and the consent wording are on the page.
  for (const text of [
    '18 years',
    'e2e-newsletter',
    'spring-roofs',
    `gclid-${marker}`,
    'You may call me about my roof.',
  ]) {
    await expect(page.getByText(text, { exact: true })).toBeVisible();
  }
  // The first delivery was refused: the detail shows it failed, after one attempt.
  await expect(page.getByTestId('webhook-status')).toHaveText('Failed', { timeout: 30_000 });
  await expect(page.getByTestId('webhook-attempts')).toHaveText('1');
  await audit(page, 'lead-detail', testInfo, audits);

  // new → contacted with a note.
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('contacted');
  await page
    .getByRole('textbox', { name: 'Note', exact: true })
    .fill(`Called ${marker}; inspection booked for Friday.`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Pipeline' }).locator('[aria-current="step"]')).toHaveText(
    'Contacted',
  );
  await expect(page.getByTestId('lead-notes')).toContainText(
    `Called ${marker}; inspection booked for Friday.`,
  );
  await expect(page.getByTestId('lead-history')).toContainText('Status changed: new → contacted');
  // ... and the work log holds the change, as the operations API reads it.
  const log = await page.request.get(`/api/admin/worklog?site_id=${alphaSiteId}&action=lead.status_changed`);
  expect(log.status()).toBe(200);
  const entries = ((await log.json()) as { data: { entity_id: string; details: Record<string, unknown> }[] })
    .data;
  expect(entries.find((entry) => entry.entity_id === leadId)?.details).toMatchObject({
    from: 'new',
    to: 'contacted',
  });
  const stored = await pool.query('select status from leads where id = $1', [leadId]);
  expect(stored.rows).toEqual([{ status: 'contacted' }]);

  // Redelivery: queued, delivered by the worker, and signed with the form's secret.
  await page.getByRole('button', { name: 'Redeliver webhook' }).click();
  await expect(page.getByTestId('webhook-status')).toHaveText('Delivered', { timeout: 30_000 });
  await expect(page.getByTestId('webhook-attempts')).toHaveText('2');
  expect(received).toHaveLength(2);
  const call = received[1] as (typeof received)[number];
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call.headers['x-spark-signature'])) ?? [];
  expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${call.body}`).digest('hex'));
  expect(JSON.parse(call.body)).toMatchObject({ event: 'lead.created', lead: { id: leadId, email } });
  await expect(page.getByTestId('lead-history')).toContainText('Webhook redelivered');
  await testInfo.attach('axe-results-leads.json', {
    body: JSON.stringify(audits, null, 2),
    contentType: 'application/json',
  });
});

test('beta’s editor sees none of alpha’s leads', async ({ page }) => {
  await signIn(page, editor('beta.localhost'));
  await page.goto('/admin/leads');
  await expect(page.getByRole('heading', { name: 'Leads', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill(marker);
  await expect(page.getByText('No leads match')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(page.getByRole('link', { name: `Casey ${marker}` })).toHaveCount(0);

  await page.goto(`/admin/leads/${leadId}`);
  await expect(page.getByText(`No lead ${leadId} is visible to you`).first()).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);

  expect((await page.request.get(`/api/admin/leads/${leadId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/admin/leads?site_id=${alphaSiteId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/admin/leads.csv?site_id=${alphaSiteId}`)).status()).toBe(404);
});
