import { AppError, describeZodIssues } from '@spark/contracts';
import { attribution, leadColumns, loadForm, spamReasonFor, storeLead, submissionSchema } from '@spark/leads';
import { pageContext, storablePageUrl } from '../analytics/page-url.js';
import { activeSession, dailySalt } from '../analytics/redis-pipeline.js';
import { summarizeUserAgentCached } from '../analytics/user-agent.js';
import { visitorHash } from '../analytics/visitor.js';
import type { HeaderReader } from '../api/endpoint.js';
import { database } from '../connections.js';
import { log } from '../observability/logger.js';
import { jobQueues } from '../services.js';
import type { Tenant } from '../tenancy/resolve-tenant.js';
import { formShownAt } from './form-token.js';
import type { SubmissionBody } from './schemas.js';

export interface SubmissionAnswer {
  ok: true;
  message: string;
  redirect_url: string | null;
}

interface Caller {
  tenant: Tenant;
  ip: string;
  headers: HeaderReader;
}

/** Forms see a handful of submissions per visitor; more than this per minute and IP is a script. */
export const LEAD_RATE_LIMIT = { bucket: 'lead', limit: 20, windowSeconds: 60 };

/** Links the lead to the day's analytics visitor; a Redis outage must not cost us the lead itself. */
async function visitorOf(siteId: string, ip: string, userAgent: string) {
  try {
    const hash = visitorHash(await dailySalt(), siteId, ip, userAgent);
    return { hash, sessionId: await activeSession(siteId, hash) };
  } catch {
    return { hash: null, sessionId: null };
  }
}

/**
 * One lead from a form (or the contact fields): spam-screened, validated against the form's definitions, stored
 * with its submission and conversion in one transaction, then handed to the webhook queue. Suspected spam is
 * stored too, with the `spam` status and without conversion or webhook.
 */
export async function submitLead(
  body: SubmissionBody,
  { tenant, ip, headers }: Caller,
): Promise<SubmissionAnswer> {
  const form = await loadForm(database(), tenant.id, body.form);
  const answer: SubmissionAnswer = { ok: true, message: form.successMessage, redirect_url: form.redirectUrl };
  const shown =
    body.form_token === undefined
      ? undefined
      : { at: formShownAt(body.form_token, tenant.id, form.slug ?? ''), now: Date.now() };
  const spam = spamReasonFor(body, shown);
  const parsed = submissionSchema(form.fields).safeParse(body.fields);
  // Suspected spam is answered like a success whatever it holds (a bot learns nothing) and kept for review.
  if (!parsed.success && !spam) {
    const issues = describeZodIssues(parsed.error).map((i) => ({
      path: i.path === '(root)' ? 'fields' : `fields.${i.path}`,
      message: i.message,
    }));
    throw new AppError(
      'VALIDATION_FAILED',
      `fields are invalid — ${issues[0]?.path}: ${issues[0]?.message}`,
      {
        issues,
      },
    );
  }
  if (spam)
    log().info(
      { event: 'lead.spam', site_id: tenant.id, form: form.slug, reason: spam },
      'lead kept as spam',
    );
  const values: Record<string, unknown> = parsed.success ? parsed.data : body.fields;
  const userAgent = headers.get('user-agent') ?? '';
  const visitor = await visitorOf(tenant.id, ip, userAgent);
  const { submissionId } = await storeLead(database(), {
    siteId: tenant.id,
    form,
    values,
    columns: parsed.success
      ? leadColumns(form.fields, parsed.data)
      : { email: null, name: null, phone: null, data: values },
    consent: body.consent ?? false,
    consentText: body.consent_text ?? null,
    pageUrl: storablePageUrl(body.page_url),
    page: body.page_url
      ? pageContext(body.page_url, body.referrer, [tenant.domain, ...tenant.domainAliases])
      : null,
    attribution: attribution(body, body.page_url),
    visitorHash: visitor.hash,
    sessionId: visitor.sessionId,
    device: summarizeUserAgentCached(userAgent),
    spamReason: spam,
  });
  if (form.hasWebhook && !spam) await jobQueues().enqueueLeadWebhook(submissionId);
  return answer;
}
