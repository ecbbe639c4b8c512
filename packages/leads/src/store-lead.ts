import { randomUUID } from 'node:crypto';
import type { DEVICE_TYPES } from '@spark/contracts';
import { type Pool, withTransaction } from '@spark/db';
import type { Attribution, LeadColumns } from './lead-record.js';
import type { LeadForm } from './load-form.js';

/** Where the form was filled in, as the analytics pipeline records a page (its conversion row keeps it). */
export interface LeadPage {
  url: string;
  path: string;
  referrer_host: string | null;
}

/** The visitor's device family, as summarised from the user agent. */
export interface LeadDevice {
  device: (typeof DEVICE_TYPES)[number];
  browser: string | null;
  os: string | null;
}

export interface NewLead {
  siteId: string;
  form: LeadForm;
  /** The validated answers, exactly as the submission row keeps them. */
  values: Record<string, unknown>;
  columns: LeadColumns;
  consent: boolean;
  consentText: string | null;
  pageUrl: string | null;
  page: LeadPage | null;
  attribution: Attribution;
  visitorHash: string | null;
  sessionId: string | null;
  device: LeadDevice;
  /** Suspected spam is stored for review with the `spam` status, no conversion and no webhook. */
  spamReason: string | null;
}

/**
 * Lead, submission and its `lead` conversion commit together or not at all: a dashboard never counts a
 * conversion whose lead is missing, and a webhook is only ever pending for a stored lead. Suspected spam gets
 * no conversion, so counts and rollups (built from conversions) leave it out, and no webhook.
 */
export async function storeLead(db: Pool, lead: NewLead): Promise<{ leadId: string; submissionId: string }> {
  const a = lead.attribution;
  return withTransaction(db, async (client) => {
    const inserted = await client.query<{ id: string }>(
      `insert into leads (site_id, form_id, email, name, phone, data, consent, consent_text, page_url, visitor_hash,
         utm_source, utm_medium, utm_campaign, utm_term, utm_content, gclid, fbclid, msclkid, status, spam_reason)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       returning id`,
      [
        lead.siteId,
        lead.form.id,
        lead.columns.email,
        lead.columns.name,
        lead.columns.phone,
        JSON.stringify(lead.columns.data),
        lead.consent,
        lead.consentText,
        lead.pageUrl,
        lead.visitorHash,
        a.utm_source,
        a.utm_medium,
        a.utm_campaign,
        a.utm_term,
        a.utm_content,
        a.gclid,
        a.fbclid,
        a.msclkid,
        lead.spamReason ? 'spam' : 'new',
        lead.spamReason,
      ],
    );
    const leadId = inserted.rows[0]?.id as string;
    const submission = await client.query<{ id: string }>(
      `insert into form_submissions (site_id, form_id, lead_id, payload, page_url, visitor_hash, webhook_status)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        lead.siteId,
        lead.form.id,
        leadId,
        JSON.stringify(lead.values),
        lead.pageUrl,
        lead.visitorHash,
        lead.form.hasWebhook && !lead.spamReason ? 'pending' : 'none',
      ],
    );
    const submissionId = submission.rows[0]?.id as string;
    if (lead.spamReason) return { leadId, submissionId };
    await client.query(
      `insert into conversions (occurred_at, site_id, event_id, visitor_hash, session_id, url, path, referrer_host,
         utm_source, utm_medium, utm_campaign, utm_term, utm_content, device, browser, os, type, lead_id)
       values (now(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'lead', $16)`,
      [
        lead.siteId,
        randomUUID(),
        lead.visitorHash,
        lead.sessionId,
        lead.page?.url ?? lead.pageUrl,
        lead.page?.path ?? null,
        lead.page?.referrer_host ?? null,
        a.utm_source,
        a.utm_medium,
        a.utm_campaign,
        a.utm_term,
        a.utm_content,
        lead.device.device,
        lead.device.browser,
        lead.device.os,
        leadId,
      ],
    );
    return { leadId, submissionId };
  });
}
