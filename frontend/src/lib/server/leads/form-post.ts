import type { EndpointCall } from '../api/endpoint.js';

/** Names the form block posts besides the form's own fields (see FormBlock.tsx). */
export const HONEYPOT_FIELD = 'company_website';
const CONTROL_FIELDS = new Set(['form', 'form_token', HONEYPOT_FIELD, 'consent', 'consent_text']);

/**
 * A plain HTML form post as the body `POST /api/forms/submit` and `POST /api/lead` take as JSON: the
 * control fields by name, every other non-empty value as a form field (unknown names are then refused by
 * the form's schema), and the page it was sent from — the Referer — as `page_url`, so attribution still
 * comes from its campaign parameters.
 */
export function submissionFromForm(
  values: Record<string, string>,
  call: Pick<EndpointCall, 'headers'>,
): unknown {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!CONTROL_FIELDS.has(name) && value.trim() !== '') fields[name] = value.trim();
  }
  const body: Record<string, unknown> = { fields, honeypot: values[HONEYPOT_FIELD] ?? '' };
  if (values.form) body.form = values.form;
  if (values.form_token) body.form_token = values.form_token;
  if (values.consent) {
    body.consent = true;
    if (values.consent_text) body.consent_text = values.consent_text;
  }
  const referer = call.headers.get('referer');
  if (referer && /^https?:\/\//i.test(referer)) body.page_url = referer.slice(0, 2048);
  return body;
}

/** Where a browser goes after a form post: the form's own thank-you path, or the generic confirmation page. */
export function thankYouPath(redirectUrl: string | null, form: string | undefined): string {
  if (redirectUrl?.startsWith('/') && !redirectUrl.startsWith('//')) return redirectUrl;
  return form ? `/form-sent?form=${encodeURIComponent(form)}` : '/form-sent';
}
