import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LeadDetail, LeadList } from '@spark/contracts/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi } from '../../../testing/http.js';
import {
  createTestSite,
  dropTestSite,
  eventually,
  post,
  type TestSite,
  testPool,
} from '../analytics/testing.js';

const asAdmin = <T>(path: string, request: Parameters<typeof callApi>[1] = {}) =>
  callApi<T>(path, { ...request, token: adminToken() });

interface SeededLead {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  status: string;
  utm_source: string | null;
  day: string;
}

/**
 * Thirty leads with deliberately equal sort values (three statuses, two days, two sources), plus one spam lead,
 * so paging stability is tested where it is hard: many rows tie on the sort column.
 */
async function seedLeads(site: TestSite, formId: string): Promise<SeededLead[]> {
  const seeded: SeededLead[] = [];
  for (let i = 0; i < 31; i += 1) {
    const lead = {
      name: i === 30 ? 'Spam Bot' : `Person ${String(i).padStart(2, '0')}`,
      email: `p${i}@example.com`,
      phone: i % 5 === 0 ? `+1 (512) 555-01${String(i).padStart(2, '0')}` : null,
      status: i === 30 ? 'spam' : (['new', 'contacted', 'won'][i % 3] as string),
      utm_source: i % 2 === 0 ? 'google' : i % 3 === 0 ? 'newsletter' : null,
      day: i < 15 ? '2026-03-01' : '2026-03-10',
    };
    const { rows } = await testPool().query<{ id: string }>(
      `insert into leads (site_id, form_id, name, email, phone, status, utm_source, date_created)
       values ($1, $2, $3, $4, $5, $6, $7, $8::date + time '12:00') returning id`,
      [site.id, formId, lead.name, lead.email, lead.phone, lead.status, lead.utm_source, lead.day],
    );
    seeded.push({ ...lead, id: rows[0]?.id as string });
  }
  return seeded;
}

const ids = (leads: { id: string }[]) => leads.map((lead) => lead.id).sort();

describe('the admin leads table', { timeout: 60_000 }, () => {
  let site: TestSite;
  let formId: string;
  let seeded: SeededLead[];
  const list = (query: string) => asAdmin<LeadList>(`/api/admin/leads?site_id=${site.id}&${query}`);

  beforeAll(async () => {
    site = await createTestSite();
    const form = await testPool().query<{ id: string }>('select id from forms where site_id = $1', [site.id]);
    formId = form.rows[0]?.id as string;
    seeded = await seedLeads(site, formId);
  }, 60_000);
  afterAll(async () => dropTestSite(site));

  it('pages through every lead exactly once even when the sort column ties, and in the same order again', async () => {
    const pages: LeadList['data'][] = [];
    for (let offset = 0; offset < 35; offset += 7) {
      const answer = await list(`sort=status&dir=asc&limit=7&offset=${offset}`);
      expect(answer.status).toBe(200);
      expect(answer.body.total).toBe(30);
      pages.push(answer.body.data);
    }
    const seen = pages.flat();
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((lead) => lead.id)).size).toBe(30);
    expect(ids(seen)).toEqual(ids(seeded.filter((lead) => lead.status !== 'spam')));
    expect(seen.map((lead) => lead.status)).toEqual([...seen.map((lead) => lead.status)].sort());
    const again = await list('sort=status&dir=asc&limit=7&offset=14');
    expect(again.body.data.map((lead) => lead.id)).toEqual(pages[2]?.map((lead) => lead.id));
  });

  it('filters by search (name, email, phone digits), status, form, UTM source and day range', async () => {
    const expectIds = async (query: string, wanted: (lead: SeededLead) => boolean) => {
      const answer = await list(`${query}&limit=200`);
      expect(answer.status, query).toBe(200);
      expect(ids(answer.body.data), query).toEqual(ids(seeded.filter(wanted)));
      expect(answer.body.total, query).toBe(seeded.filter(wanted).length);
    };
    const notSpam = (lead: SeededLead) => lead.status !== 'spam';
    await expectIds('q=person%2007', (lead) => lead.name === 'Person 07');
    await expectIds('q=P12%40EXAMPLE', (lead) => lead.email === 'p12@example.com');
    await expectIds('q=5125550110', (lead) => lead.phone === '+1 (512) 555-0110');
    await expectIds('status=won', (lead) => lead.status === 'won');
    await expectIds('status=spam', (lead) => lead.status === 'spam');
    await expectIds(`form_id=${formId}`, notSpam);
    await expectIds('utm_source=newsletter', (lead) => notSpam(lead) && lead.utm_source === 'newsletter');
    await expectIds('from=2026-03-05&to=2026-03-10', (lead) => notSpam(lead) && lead.day === '2026-03-10');
    await expectIds('to=2026-03-01', (lead) => notSpam(lead) && lead.day === '2026-03-01');
    await expectIds('q=person&status=contacted&utm_source=google', (lead) =>
      Boolean(lead.status === 'contacted' && lead.utm_source === 'google'),
    );
    const facets = (await list('limit=1')).body.facets;
    expect(facets.utm_sources).toEqual(['google', 'newsletter']);
    expect(facets.forms.map((form) => form.id)).toEqual([formId]);
  });

  it('exports exactly the rows the same filter lists', async () => {
    const query = 'utm_source=google&status=new';
    const listed = await list(`${query}&limit=200`);
    const csv = await asAdmin<string>(`/api/admin/leads.csv?site_id=${site.id}&${query}`);
    expect(csv.status).toBe(200);
    const exported = String(csv.body)
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0]?.replaceAll('"', ''));
    expect(exported.sort()).toEqual(ids(listed.body.data));
    expect(exported.length).toBeGreaterThan(0);
  });

  it('refuses bad filters and unknown leads with a 4xx, never a 500', async () => {
    expect((await list('status=converted')).status).toBe(422);
    expect((await list('sort=password')).status).toBe(422);
    expect((await list('from=2026-02-30')).status).toBe(422);
    expect((await list('limit=0')).status).toBe(422);
    expect((await asAdmin('/api/admin/leads/not-a-uuid')).status).toBe(404);
    expect((await asAdmin('/api/admin/leads/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('working a lead', { timeout: 60_000 }, () => {
  let site: TestSite;
  let leadId: string;
  beforeAll(async () => {
    site = await createTestSite();
    const { rows } = await testPool().query<{ id: string }>(
      `insert into leads (site_id, name, email, consent, consent_text, page_url, utm_source, gclid)
       values ($1, 'Ada', 'ada@example.com', true, 'You may call me.', 'http://x.localhost/roofing', 'google', 'g-1')
       returning id`,
      [site.id],
    );
    leadId = rows[0]?.id as string;
  }, 60_000);
  afterAll(async () => dropTestSite(site));

  const worklog = async () =>
    (
      await testPool().query<{ action: string; details: Record<string, unknown>; user_id: string | null }>(
        `select action, details, user_id from work_log
         where entity_type = 'leads' and entity_id = $1 order by "timestamp", id`,
        [leadId],
      )
    ).rows;

  it('moves the lead with a note, and the work log records both with who did it', async () => {
    const answer = await asAdmin<{ data: LeadDetail }>(`/api/admin/leads/${leadId}`, {
      method: 'PATCH',
      json: { status: 'contacted', note: 'Called, wants a quote on Monday.' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      status: 'contacted',
      consent_text: 'You may call me.',
      gclid: 'g-1',
      notes: [{ body: 'Called, wants a quote on Monday.' }],
    });
    // One transaction, so both entries share its timestamp: compare them by action, not by order.
    const entries = await worklog();
    expect(entries.map((entry) => entry.action).sort()).toEqual(['lead.note_added', 'lead.status_changed']);
    const changed = entries.find((entry) => entry.action === 'lead.status_changed');
    expect(changed?.details).toEqual({
      from: 'new',
      to: 'contacted',
      note_id: answer.body.data.notes[0]?.id,
    });
    expect(entries.find((entry) => entry.action === 'lead.note_added')?.details).toMatchObject({
      note_id: answer.body.data.notes[0]?.id,
    });
    expect(entries.every((entry) => entry.user_id !== null)).toBe(true);
    expect(answer.body.data.history.map((entry) => entry.action).sort()).toEqual([
      'lead.note_added',
      'lead.status_changed',
    ]);
  });

  it('adds a note on its own, and refuses an empty one or an old status name without changing anything', async () => {
    const note = await asAdmin<{ data: { body: string; author_id: string | null } }>(
      `/api/admin/leads/${leadId}/notes`,
      { method: 'POST', json: { body: 'Sent the quote.' } },
    );
    expect(note.status).toBe(201);
    expect(note.body.data.body).toBe('Sent the quote.');
    expect(note.body.data.author_id).not.toBeNull();
    const before = await worklog();
    const empty = await asAdmin(`/api/admin/leads/${leadId}/notes`, {
      method: 'POST',
      json: { body: '   ' },
    });
    expect(empty.status).toBe(422);
    const renamed = await asAdmin(`/api/admin/leads/${leadId}`, {
      method: 'PATCH',
      json: { status: 'converted' },
    });
    expect(renamed.status).toBe(422);
    expect(await worklog()).toEqual(before);
    const { rows } = await testPool().query('select status from leads where id = $1', [leadId]);
    expect(rows).toEqual([{ status: 'contacted' }]);
  });

  it('marks a lead as spam by hand with that reason', async () => {
    const answer = await asAdmin<{ data: LeadDetail }>(`/api/admin/leads/${leadId}`, {
      method: 'PATCH',
      json: { status: 'spam' },
    });
    expect(answer.body.data).toMatchObject({ status: 'spam', spam_reason: 'marked_by_hand' });
  });
});

describe('redelivering a lead’s webhook', { timeout: 90_000 }, () => {
  const secret = 'whsec_redeliver_0123456789';
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  // Refuses the first delivery (a 4xx ends it at once), then accepts.
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = received.length === 1 ? 410 : 204;
      response.end();
    });
  });
  let site: TestSite;
  let plain: TestSite;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    site = await createTestSite({ webhook: { url: `http://127.0.0.1:${port}/hook`, secret } });
    plain = await createTestSite();
  }, 60_000);
  afterAll(async () => {
    server.close();
    await dropTestSite(site);
    await dropTestSite(plain);
  });

  const submit = (target: TestSite, email: string) =>
    post(target.domain, '/api/forms/submit', {
      form: 'quote',
      fields: { full_name: 'Ada', email, service: 'Repair' },
      elapsed_ms: 6000,
    });
  const leadOf = async (target: TestSite) =>
    (await testPool().query<{ id: string }>('select id from leads where site_id = $1', [target.id])).rows[0]
      ?.id as string;
  const detail = async (leadId: string) =>
    (await asAdmin<{ data: LeadDetail }>(`/api/admin/leads/${leadId}`)).body.data;

  it('queues a failed delivery again, and the receiver gets it signed with the form’s secret', async () => {
    expect((await submit(site, 'redeliver@example.com')).status).toBe(200);
    const leadId = await leadOf(site);
    const failed = await eventually(
      () => detail(leadId),
      (lead) => lead.submissions[0]?.webhook_status === 'failed',
      30_000,
    );
    const submissionId = failed.submissions[0]?.id as string;
    expect(failed.submissions[0]).toMatchObject({
      webhook_attempts: 1,
      webhook_last_error: 'receiver answered HTTP 410',
    });

    const queued = await asAdmin(`/api/admin/leads/${leadId}/redeliver`, { method: 'POST', json: {} });
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({ data: { submission_id: submissionId, webhook_status: 'pending' } });

    const delivered = await eventually(
      () => detail(leadId),
      (lead) => lead.submissions[0]?.webhook_status === 'delivered',
      30_000,
    );
    expect(delivered.submissions[0]?.webhook_attempts).toBe(2);
    expect(received).toHaveLength(2);
    const call = received[1] as (typeof received)[number];
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call.headers['x-spark-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${call.body}`).digest('hex'));
    expect(call.headers['x-spark-delivery']).toBe(submissionId);
    expect(JSON.parse(call.body)).toMatchObject({ lead: { id: leadId, email: 'redeliver@example.com' } });
    expect(delivered.history.map((entry) => entry.action)).toContain('lead.webhook_redelivered');
  });

  it('refuses a lead that had no webhook to send, and another lead’s submission', async () => {
    expect((await submit(plain, 'nohook@example.com')).status).toBe(200);
    const leadId = await leadOf(plain);
    const answer = await asAdmin(`/api/admin/leads/${leadId}/redeliver`, { method: 'POST', json: {} });
    expect(answer.status).toBe(409);
    const other = await detail(await leadOf(site));
    const foreign = await asAdmin(`/api/admin/leads/${leadId}/redeliver`, {
      method: 'POST',
      json: { submission_id: other.submissions[0]?.id },
    });
    expect(foreign.status).toBe(404);
    const { rows } = await testPool().query(
      `select webhook_status from form_submissions where site_id = $1`,
      [plain.id],
    );
    expect(rows).toEqual([{ webhook_status: 'none' }]);
  });
});
