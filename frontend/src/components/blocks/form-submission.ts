// The subpath keeps this island's bundle free of zod and the rest of the contracts.
import { ATTRIBUTION_KEYS } from '@spark/contracts/attribution';
import type { SiteForm } from './block-data.js';

/**
 * What the form block posts to `POST /api/forms/submit` (see docs/API_REFERENCE.md): the form's slug, the
 * field values by name, attribution read from the page URL, and the spam signals (honeypot, fill time).
 * Pure, so the exact payload is unit-tested; the island only gathers inputs and shows the answer.
 */
export interface SubmissionPayload {
  form: string;
  fields: Record<string, string | boolean>;
  page_url: string;
  referrer?: string;
  honeypot: string;
  elapsed_ms: number;
  form_token?: string;
  [attribution: string]: unknown;
}

export interface PageContext {
  href: string;
  referrer: string;
  /** Milliseconds since the form was shown (the server also measures this, from `form.token`). */
  elapsedMs: number;
}

/** Empty optional text is left out (the server treats an absent field as "not given"). */
export function buildSubmission(
  form: SiteForm,
  values: Record<string, string | boolean>,
  honeypot: string,
  page: PageContext,
): SubmissionPayload {
  const fields: Record<string, string | boolean> = {};
  for (const field of form.fields) {
    const value = values[field.name];
    if (field.type === 'checkbox') fields[field.name] = value === true;
    else if (typeof value === 'string' && value.trim() !== '') fields[field.name] = value.trim();
  }
  const url = new URL(page.href);
  // Only campaign parameters of the address travel with the lead (a query may hold typed-in personal data).
  const pageUrl = new URL(page.href);
  pageUrl.search = '';
  pageUrl.hash = '';
  for (const name of ATTRIBUTION_KEYS) {
    const value = url.searchParams.get(name);
    if (value !== null) pageUrl.searchParams.set(name, value);
  }
  const payload: SubmissionPayload = {
    form: form.slug,
    fields,
    page_url: pageUrl.href.slice(0, 2048),
    honeypot,
    elapsed_ms: Math.max(0, Math.round(page.elapsedMs)),
  };
  if (form.token) payload.form_token = form.token;
  if (page.referrer) payload.referrer = page.referrer.slice(0, 2048);
  for (const name of ATTRIBUTION_KEYS) {
    const value = url.searchParams.get(name);
    if (value) payload[name] = value.slice(0, name.endsWith('clid') ? 500 : 200);
  }
  return payload;
}

export type SubmissionOutcome =
  | { kind: 'success'; message: string; redirectUrl: string | null }
  | { kind: 'error'; message: string; fieldErrors: Record<string, string> };

interface ErrorBody {
  error?: { message?: unknown; details?: { issues?: { path?: unknown; message?: unknown }[] } };
}

/** Reads the endpoint's answer (success body or error envelope) into what the form shows. */
export function interpretResponse(status: number, body: unknown, form: SiteForm): SubmissionOutcome {
  if (status >= 200 && status < 300) {
    const success = (body ?? {}) as { message?: unknown; redirect_url?: unknown };
    const redirect = typeof success.redirect_url === 'string' ? success.redirect_url : form.redirect_url;
    return {
      kind: 'success',
      message: typeof success.message === 'string' ? success.message : form.success_message,
      redirectUrl: redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : null,
    };
  }
  if (status === 429) {
    return {
      kind: 'error',
      message: 'Too many attempts. Please wait a minute and try again.',
      fieldErrors: {},
    };
  }
  const envelope = (body ?? {}) as ErrorBody;
  const fieldErrors: Record<string, string> = {};
  for (const issue of envelope.error?.details?.issues ?? []) {
    if (
      typeof issue.path === 'string' &&
      typeof issue.message === 'string' &&
      issue.path.startsWith('fields.')
    ) {
      fieldErrors[issue.path.slice('fields.'.length)] = issue.message;
    }
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    kind: 'error',
    message: hasFieldErrors
      ? 'Please check the highlighted fields.'
      : 'Sorry, your message could not be sent. Please try again or call us.',
    fieldErrors,
  };
}
