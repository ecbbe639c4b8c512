import { z } from 'zod';

const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a form slug like free-estimate');

const tag = z.string().trim().max(200).optional();
const clickId = z.string().trim().max(500).optional();

const submissionBody = {
  /** Values by field name; validated against the form's definitions in the service. */
  fields: z
    .record(z.string().max(40), z.union([z.string().max(5000), z.boolean()]))
    .refine((fields) => Object.keys(fields).length <= 40, 'at most 40 fields'),
  consent: z.boolean().optional(),
  /** The consent wording the visitor saw; required when consent is true. */
  consent_text: z.string().trim().min(1).max(2000).optional(),
  page_url: z
    .string()
    .url()
    .max(2048)
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  referrer: z.string().max(2048).optional(),
  utm_source: tag,
  utm_medium: tag,
  utm_campaign: tag,
  utm_term: tag,
  utm_content: tag,
  gclid: clickId,
  fbclid: clickId,
  msclkid: clickId,
  /** Spam trap: a field people never see. Anything in it marks a bot. */
  honeypot: z.string().max(1000).optional(),
  /** Milliseconds between the form being shown and submitted, measured by the page (when there is no token). */
  elapsed_ms: z.number().int().min(0).max(2_592_000_000).optional(),
  /** The signed "shown at" stamp the server rendered into the form; the fill time is measured from it. */
  form_token: z.string().max(100).optional(),
  /** Ignored: the site is the one the Host header names, whatever the body claims. */
  site_id: z.unknown().optional(),
};

const consentNeedsText = {
  check: (body: { consent?: boolean; consent_text?: string }) => !body.consent || !!body.consent_text,
  issue: { message: 'say what the visitor agreed to when consent is true', path: ['consent_text'] },
};

/** POST /api/forms/submit: a named form of this site. */
export const formSubmitBodySchema = z
  .object({ form: slug, ...submissionBody })
  .strict()
  .refine(consentNeedsText.check, consentNeedsText.issue);

/** POST /api/lead: a named form, or (without `form`) the built-in contact fields. */
export const leadBodySchema = z
  .object({ form: slug.optional(), ...submissionBody })
  .strict()
  .refine(consentNeedsText.check, consentNeedsText.issue);

export type SubmissionBody = z.infer<typeof leadBodySchema>;

/** A stored submission: the form's thank-you message and where to send the visitor next. */
export const SubmissionAnswerSchema = z.object({
  ok: z.literal(true),
  message: z.string(),
  redirect_url: z.string().nullable(),
});
export type SubmissionAnswer = z.infer<typeof SubmissionAnswerSchema>;
