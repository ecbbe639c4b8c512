import { AppError, FormFieldSchema, siteLeadWebhookSchema } from '@spark/contracts';
import type { Pool } from '@spark/db';
import { z } from 'zod';
import { CONTACT_FIELDS } from './field-schema.js';

export interface LeadForm {
  /** null for the built-in contact fields of `/api/lead` without a form. */
  id: string | null;
  slug: string | null;
  fields: z.infer<typeof FormFieldSchema>[];
  successMessage: string;
  redirectUrl: string | null;
  /** The form or the site has a webhook: the submission starts as `pending` delivery. */
  hasWebhook: boolean;
}

const fieldsSchema = z.array(FormFieldSchema).min(1).max(40);

async function siteHasWebhook(db: Pool, siteId: string): Promise<boolean> {
  const { rows } = await db.query<{ hook: unknown }>(
    `select settings -> 'lead_webhook' as hook from sites where id = $1`,
    [siteId],
  );
  return siteLeadWebhookSchema.safeParse(rows[0]?.hook).success;
}

/** The form a submission names, on the caller's site only; another site's slug is simply not found. */
export async function loadForm(db: Pool, siteId: string, slug: string | undefined): Promise<LeadForm> {
  if (!slug) {
    return {
      id: null,
      slug: null,
      fields: CONTACT_FIELDS,
      successMessage: 'Thank you.',
      redirectUrl: null,
      hasWebhook: await siteHasWebhook(db, siteId),
    };
  }
  const { rows } = await db.query<{
    id: string;
    fields: unknown;
    success_message: string;
    redirect_url: string | null;
    has_webhook: boolean;
  }>(
    `select f.id, f.fields, f.success_message, f.redirect_url, f.webhook_url is not null as has_webhook
     from forms f where f.site_id = $1 and f.slug = $2`,
    [siteId, slug],
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', `This site has no form "${slug}"`);
  const fields = fieldsSchema.safeParse(row.fields);
  // A definition broken in the Data Studio is our fault, not the visitor's: it surfaces as a logged 500.
  if (!fields.success)
    throw new Error(`form ${row.id} has invalid field definitions: ${fields.error.message}`);
  return {
    id: row.id,
    slug,
    fields: fields.data,
    successMessage: row.success_message,
    redirectUrl: row.redirect_url,
    hasWebhook: row.has_webhook || (await siteHasWebhook(db, siteId)),
  };
}
