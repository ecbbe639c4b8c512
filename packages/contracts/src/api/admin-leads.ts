import { z } from 'zod';

/** The admin leads CRM: list filters, a lead's detail, its pipeline moves, notes and webhook redelivery. */

const uuid = z.string().uuid();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a calendar date');

/** The sales pipeline a marketer moves a lead through: new → contacted → qualified → won or lost. */
export const LEAD_PIPELINE = ['new', 'contacted', 'qualified', 'won', 'lost'] as const;
/** Every status a lead can have: the pipeline, plus `spam` (set by screening or by hand). */
export const LEAD_STATUSES = [...LEAD_PIPELINE, 'spam'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * Which leads: the same filter serves the table and its CSV export, so an export holds exactly the rows the
 * table shows. `q` matches name, email or phone; `from`/`to` are inclusive UTC days. Without `status`, suspected
 * spam is left out.
 */
const leadFilter = {
  site_id: uuid.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  form_id: uuid.optional(),
  utm_source: z.string().min(1).max(200).optional(),
  from: day.optional(),
  to: day.optional(),
};

export const LeadsExportQuerySchema = z.object(leadFilter).strict();
export type LeadFilterQuery = z.infer<typeof LeadsExportQuerySchema>;

export const LEAD_SORTS = ['date_created', 'name', 'email', 'status'] as const;

export const LeadListQuerySchema = z
  .object({
    ...leadFilter,
    sort: z.enum(LEAD_SORTS).default('date_created'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(200).default(25),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type LeadListQuery = z.infer<typeof LeadListQuerySchema>;

const formRef = z.object({ id: uuid, slug: z.string(), name: z.string() });
const WEBHOOK_STATUSES = ['none', 'pending', 'delivered', 'failed'] as const;

export const LeadListSchema = z.object({
  data: z.array(
    z.object({
      id: uuid,
      date_created: z.string(),
      status: z.enum(LEAD_STATUSES),
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      form: formRef.nullable(),
      utm_source: z.string().nullable(),
      /** The latest submission's webhook state; null when the lead has no submission. */
      webhook_status: z.enum(WEBHOOK_STATUSES).nullable(),
    }),
  ),
  /** Leads matching the filter (the table's page count). */
  total: z.number().int().nonnegative(),
  /** What the filters can offer for this site. */
  facets: z.object({ forms: z.array(formRef), utm_sources: z.array(z.string()) }),
});
export type LeadList = z.infer<typeof LeadListSchema>;
export type LeadListRow = LeadList['data'][number];

const nullableText = z.string().nullable();

export const LeadNoteSchema = z.object({
  id: uuid,
  author_id: uuid.nullable(),
  body: z.string(),
  date_created: z.string(),
});
export type LeadNote = z.infer<typeof LeadNoteSchema>;

export const LeadDetailSchema = z.object({
  data: z.object({
    id: uuid,
    site_id: uuid,
    date_created: z.string(),
    date_updated: nullableText,
    status: z.enum(LEAD_STATUSES),
    spam_reason: nullableText,
    name: nullableText,
    email: nullableText,
    phone: nullableText,
    /** Every answer of the form, as stored. */
    data: z.record(z.string(), z.unknown()),
    consent: z.boolean(),
    consent_text: nullableText,
    page_url: nullableText,
    form: formRef.nullable(),
    utm_source: nullableText,
    utm_medium: nullableText,
    utm_campaign: nullableText,
    utm_term: nullableText,
    utm_content: nullableText,
    gclid: nullableText,
    fbclid: nullableText,
    msclkid: nullableText,
    submissions: z.array(
      z.object({
        id: uuid,
        date_created: z.string(),
        webhook_status: z.enum(WEBHOOK_STATUSES),
        webhook_attempts: z.number().int().nonnegative(),
        webhook_last_error: nullableText,
        webhook_delivered_at: nullableText,
      }),
    ),
    notes: z.array(LeadNoteSchema),
    /** The lead's work-log entries (status changes, notes, redeliveries), newest first. */
    history: z.array(
      z.object({
        id: uuid,
        action: z.string(),
        user_id: uuid.nullable(),
        details: z.record(z.string(), z.unknown()),
        timestamp: z.string(),
      }),
    ),
  }),
});
export type LeadDetail = z.infer<typeof LeadDetailSchema>['data'];

const noteText = z.string().trim().min(1, 'write something').max(5000);

export const LeadStatusChangeSchema = z
  .object({ status: z.enum(LEAD_STATUSES), note: noteText.optional() })
  .strict();
export type LeadStatusChange = z.infer<typeof LeadStatusChangeSchema>;

export const LeadNoteCreateSchema = z.object({ body: noteText }).strict();

export const LeadNoteCreatedSchema = z.object({ data: LeadNoteSchema });

/** Without `submission_id`: the lead's latest submission. */
export const LeadRedeliverSchema = z.object({ submission_id: uuid.optional() }).strict();

export const LeadRedeliveryQueuedSchema = z.object({
  data: z.object({ submission_id: uuid, webhook_status: z.literal('pending') }),
});
