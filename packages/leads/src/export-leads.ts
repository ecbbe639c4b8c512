import { ATTRIBUTION_KEYS } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { csvRow } from './csv.js';
import { type LeadFilter, leadFilterSql } from './lead-filter.js';

const COLUMNS = [
  'id',
  'date_created',
  'form',
  'status',
  'email',
  'name',
  'phone',
  'consent',
  'consent_text',
  'page_url',
  ...ATTRIBUTION_KEYS,
  'data',
] as const;

type LeadRow = Record<(typeof COLUMNS)[number], unknown> & { cursor_at: string };

const PAGE_SIZE = 1000;

async function page(
  db: Pool,
  filter: LeadFilter,
  after: { at: string; id: string } | null,
): Promise<LeadRow[]> {
  const params: unknown[] = [];
  const where = [leadFilterSql(filter, params)];
  if (after) {
    params.push(after.at, after.id);
    where.push(`(l.date_created, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await db.query<LeadRow>(
    `select l.id, l.date_created, f.slug as form, l.status, l.email, l.name, l.phone, l.consent, l.consent_text,
            l.page_url, l.utm_source, l.utm_medium, l.utm_campaign, l.utm_term, l.utm_content, l.gclid, l.fbclid,
            l.msclkid, l.data, l.date_created::text as cursor_at
     from leads l left join forms f on f.id = l.form_id
     where ${where.join(' and ')}
     order by l.date_created desc, l.id desc
     limit ${PAGE_SIZE}`,
    params,
  );
  return rows;
}

/**
 * The site's leads matching the admin table's filter as CSV (suspected spam only when asked for with
 * `status=spam`: an export feeds sales), newest first, streamed in keyset pages so an export of any size holds one page in
 * memory. Starts with a BOM so Excel reads UTF-8 names correctly.
 */
export function leadsCsvStream(db: Pool, filter: LeadFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { at: string; id: string } | null = null;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(COLUMNS)}`));
      }
      const rows = await page(db, filter, after);
      if (rows.length > 0) {
        controller.enqueue(encoder.encode(rows.map((row) => csvRow(COLUMNS.map((c) => row[c]))).join('')));
        const last = rows[rows.length - 1] as LeadRow;
        after = { at: last.cursor_at, id: String(last.id) };
      }
      if (rows.length < PAGE_SIZE) controller.close();
    },
  });
}
