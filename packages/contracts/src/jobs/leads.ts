import { z } from 'zod';
import { jobRequestId } from '../request-id.js';

/**
 * Lead webhooks: the frontend commits a submission with `webhook_status = 'pending'` and enqueues a delivery
 * job carrying only the submission id; the worker loads the target (form webhook, else the site's) at delivery
 * time, so secrets never travel through Redis.
 */
export const LEAD_WEBHOOK_QUEUE = 'spark-lead-webhooks';

export const leadWebhookJobs = {
  deliver: {
    name: 'deliver-lead-webhook',
    payload: z.object({ submissionId: z.string().uuid(), ...jobRequestId }).strict(),
  },
  /** Re-enqueues pending deliveries whose enqueue was lost (Redis down right after the commit). */
  sweepPending: {
    name: 'sweep-pending-webhooks',
    payload: z.object({ olderThanSeconds: z.number().int().min(10).max(86_400) }).strict(),
  },
} as const;
export type DeliverLeadWebhookPayload = z.infer<typeof leadWebhookJobs.deliver.payload>;

/** Deterministic, so an enqueue retried by the sweeper never creates a second delivery. */
export const leadWebhookJobId = (submissionId: string) => `lead-webhook-${submissionId}`;

/**
 * A delivery a marketer asked for again. The first job's id may still be held by its finished job, so each
 * redelivery gets its own, keyed by the attempts recorded so far: a repeated request before the worker ran
 * adds nothing, and a redelivery after the next attempt is a new job.
 */
export const leadWebhookRedeliveryJobId = (submissionId: string, attemptsSoFar: number) =>
  `lead-webhook-${submissionId}-redelivery-${attemptsSoFar}`;

/**
 * Receivers have outages of hours (a CRM deploy, an expired certificate): 9 attempts, the delays between them
 * doubling from WEBHOOK_RETRY_BASE_MS (5.5 min by default: 5.5, 11, 22, 44 min, ... 11.7 h, about 23 hours in
 * all). The worker computes the delays (`LEAD_WEBHOOK_BACKOFF`), so its env can shorten them for tests.
 */
export const LEAD_WEBHOOK_BACKOFF = 'lead-webhook';
export const LEAD_WEBHOOK_JOB_OPTIONS = {
  attempts: 9,
  backoff: { type: LEAD_WEBHOOK_BACKOFF },
  removeOnComplete: 100,
  removeOnFail: 1000,
} as const;

/**
 * `X-Spark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. Receivers recompute
 * the HMAC over the raw body and reject timestamps older than a few minutes (replay protection).
 */
export const LEAD_WEBHOOK_SIGNATURE_HEADER = 'x-spark-signature';
export const LEAD_WEBHOOK_EVENT_HEADER = 'x-spark-event';
export const LEAD_WEBHOOK_DELIVERY_HEADER = 'x-spark-delivery';

/** A site-wide webhook in `sites.settings.lead_webhook`, used for leads whose form has none of its own. */
export const siteLeadWebhookSchema = z
  .object({
    url: z
      .string()
      .url()
      .max(2048)
      .regex(/^https?:\/\//, 'must be an http(s) URL'),
    secret: z.string().min(16).max(200),
  })
  .strict();

const nullable = z.string().nullable();

/** The JSON body POSTed to a receiver. */
export const leadWebhookBodySchema = z.object({
  event: z.literal('lead.created'),
  delivery_id: z.string().uuid(),
  created_at: z.string(),
  site: z.object({ id: z.string().uuid(), domain: z.string() }),
  form: z.object({ slug: z.string(), name: z.string() }).nullable(),
  lead: z.object({
    id: z.string().uuid(),
    email: nullable,
    name: nullable,
    phone: nullable,
    data: z.record(z.unknown()),
    consent: z.boolean(),
    consent_text: nullable,
    page_url: nullable,
    utm_source: nullable,
    utm_medium: nullable,
    utm_campaign: nullable,
    utm_term: nullable,
    utm_content: nullable,
    gclid: nullable,
    fbclid: nullable,
    msclkid: nullable,
  }),
});
export type LeadWebhookBody = z.infer<typeof leadWebhookBodySchema>;
