import { type LeadWebhookBody, siteLeadWebhookSchema } from '@spark/contracts';
import type { Pool } from '@spark/db';

export interface Delivery {
  status: 'none' | 'pending' | 'delivered' | 'failed';
  /** Where to POST and the key to sign with; null when neither the form nor the site has a usable webhook. */
  target: { url: string; secret: string } | null;
  /** Why the configured webhook cannot be used, when target is null. */
  problem: string | null;
  body: LeadWebhookBody;
}

interface DeliveryRow {
  submission_id: string;
  status: Delivery['status'];
  created_at: Date;
  site_id: string;
  domain: string;
  site_hook: unknown;
  form_slug: string | null;
  form_name: string | null;
  form_url: string | null;
  form_secret: string | null;
  lead: LeadWebhookBody['lead'] | null;
}

/** Everything one delivery needs, read at delivery time: secrets never travel through the queue. */
export async function loadDelivery(pool: Pool, submissionId: string): Promise<Delivery | null> {
  const { rows } = await pool.query<DeliveryRow>(
    `select s.id as submission_id, s.webhook_status as status, s.date_created as created_at, s.site_id,
            site.domain, site.settings -> 'lead_webhook' as site_hook,
            f.slug as form_slug, f.name as form_name, f.webhook_url as form_url, f.webhook_secret as form_secret,
            (select jsonb_build_object(
               'id', l.id, 'email', l.email, 'name', l.name, 'phone', l.phone, 'data', l.data, 'consent', l.consent,
               'consent_text', l.consent_text, 'page_url', l.page_url, 'utm_source', l.utm_source,
               'utm_medium', l.utm_medium, 'utm_campaign', l.utm_campaign, 'utm_term', l.utm_term,
               'utm_content', l.utm_content, 'gclid', l.gclid, 'fbclid', l.fbclid, 'msclkid', l.msclkid)
             from leads l where l.id = s.lead_id) as lead
     from form_submissions s
     join sites site on site.id = s.site_id
     left join forms f on f.id = s.form_id
     where s.id = $1`,
    [submissionId],
  );
  const row = rows[0];
  if (!row?.lead) return null;
  const siteHook = siteLeadWebhookSchema.safeParse(row.site_hook);
  let target: Delivery['target'] = null;
  let problem: string | null = null;
  if (row.form_url) {
    if (row.form_secret) target = { url: row.form_url, secret: row.form_secret };
    else problem = 'the form has a webhook_url but no webhook_secret to sign with';
  } else if (siteHook.success) {
    target = siteHook.data;
  } else {
    problem = 'neither the form nor the site has a valid webhook';
  }
  return {
    status: row.status,
    target,
    problem,
    body: {
      event: 'lead.created',
      delivery_id: row.submission_id,
      created_at: row.created_at.toISOString(),
      site: { id: row.site_id, domain: row.domain },
      form: row.form_slug && row.form_name ? { slug: row.form_slug, name: row.form_name } : null,
      lead: row.lead,
    },
  };
}
