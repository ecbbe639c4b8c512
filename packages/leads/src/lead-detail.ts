import type { LeadDetail } from '@spark/contracts/api';
import type { Pool, PoolClient } from '@spark/db';

/** The sites a caller may see: null = every site (an administrator). */
export type SiteScope = string[] | null;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

interface LeadRow
  extends Omit<LeadDetail, 'date_created' | 'date_updated' | 'submissions' | 'notes' | 'history'> {
  date_created: Date;
  date_updated: Date | null;
}

/**
 * One lead with everything the detail page shows, or null when it does not exist or belongs to a site outside
 * `scope` (callers answer both the same way, so an id never tells whether another site's lead exists).
 */
export async function loadLeadDetail(
  db: Pool | PoolClient,
  scope: SiteScope,
  leadId: string,
): Promise<LeadDetail | null> {
  const lead = await db.query<LeadRow>(
    `select l.id, l.site_id, l.date_created, l.date_updated, l.status, l.spam_reason, l.name, l.email, l.phone,
            l.data, l.consent, l.consent_text, l.page_url, l.utm_source, l.utm_medium, l.utm_campaign, l.utm_term,
            l.utm_content, l.gclid, l.fbclid, l.msclkid,
            case when f.id is null then null
                 else jsonb_build_object('id', f.id, 'slug', f.slug, 'name', f.name) end as form
     from leads l left join forms f on f.id = l.form_id
     where l.id = $1 and ($2::uuid[] is null or l.site_id = any($2::uuid[]))`,
    [leadId, scope],
  );
  const row = lead.rows[0];
  if (!row) return null;
  const [submissions, notes, history] = await Promise.all([
    db.query<{
      id: string;
      date_created: Date;
      webhook_status: LeadDetail['submissions'][number]['webhook_status'];
      webhook_attempts: number;
      webhook_last_error: string | null;
      webhook_delivered_at: Date | null;
    }>(
      `select id, date_created, webhook_status, webhook_attempts, webhook_last_error, webhook_delivered_at
       from form_submissions where lead_id = $1 and site_id = $2 order by date_created desc, id desc`,
      [row.id, row.site_id],
    ),
    db.query<{ id: string; author_id: string | null; body: string; date_created: Date }>(
      `select id, author_id, body, date_created from lead_notes
       where lead_id = $1 and site_id = $2 order by date_created desc, id desc`,
      [row.id, row.site_id],
    ),
    db.query<{
      id: string;
      action: string;
      user_id: string | null;
      details: Record<string, unknown>;
      timestamp: Date;
    }>(
      `select id, action, user_id, details, "timestamp" from work_log
       where entity_type = 'leads' and entity_id = $1::text and site_id = $2
       order by "timestamp" desc, id desc limit 100`,
      [row.id, row.site_id],
    ),
  ]);
  return {
    ...row,
    date_created: row.date_created.toISOString(),
    date_updated: iso(row.date_updated),
    submissions: submissions.rows.map((s) => ({
      ...s,
      date_created: s.date_created.toISOString(),
      webhook_delivered_at: iso(s.webhook_delivered_at),
    })),
    notes: notes.rows.map((n) => ({ ...n, date_created: n.date_created.toISOString() })),
    history: history.rows.map((h) => ({ ...h, timestamp: h.timestamp.toISOString() })),
  };
}
