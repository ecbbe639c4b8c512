import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { FormField } from './FormField.js';
import { buildSubmission, interpretResponse, type SubmissionOutcome } from './form-submission.js';
import { Icon } from './Icon.js';
import { collectsPersonalData } from './privacy-notice.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

const ENDPOINT = '/api/forms/submit';
/** Posted by the plain form too, but not answers: the island sends them as the payload's own keys. */
const CONTROL_FIELDS = new Set(['form', 'form_token', 'company_website']);

type Status = { kind: 'idle' } | { kind: 'sending' } | SubmissionOutcome;

/** Collects the form's values by field name; hidden fields carry the page the form was sent from. */
function valuesOf(form: HTMLFormElement): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const element of Array.from(form.elements)) {
    if (
      !(
        element instanceof HTMLInputElement ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement
      )
    )
      continue;
    if (!element.name || CONTROL_FIELDS.has(element.name)) continue;
    values[element.name] =
      element instanceof HTMLInputElement && element.type === 'checkbox' ? element.checked : element.value;
  }
  return values;
}

/**
 * A site form: rendered on the server as a plain `<form method="post">` that works before hydration or
 * without JavaScript (the endpoint answers it with a redirect to the thank-you page), then hydrated as an
 * island to post JSON and show the answer in place. Either way nothing typed ends up in a URL.
 * `company_website` is the honeypot: hidden from people, tempting to bots. `form_token` is the server's
 * signed "shown at" stamp for the fill-time check.
 */
export function FormBlock({ block, data }: BlockProps<'form'>) {
  const form = data.forms[block.form];
  const formId = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  if (!form) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form) return;
    const element = event.currentTarget;
    const values = valuesOf(element);
    for (const field of form.fields)
      if (field.type === 'hidden') values[field.name] = window.location.pathname;
    const honeypot = (element.elements.namedItem('company_website') as HTMLInputElement | null)?.value ?? '';
    const payload = buildSubmission(form, values, honeypot, {
      href: window.location.href,
      referrer: document.referrer,
      elapsedMs: performance.now() - shownAt.current,
    });
    setStatus({ kind: 'sending' });
    try {
      const response = await fetch(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body: unknown = await response.json().catch(() => null);
      setStatus(interpretResponse(response.status, body, form));
    } catch {
      setStatus({
        kind: 'error',
        message: 'Could not reach us. Check your connection and try again.',
        fieldErrors: {},
      });
    }
  }

  const fieldErrors = status.kind === 'error' ? status.fieldErrors : {};
  const privacy = data.privacy && collectsPersonalData(form.fields) ? data.privacy : null;
  return (
    <Section anchor={block.anchor} tone="muted">
      <div className="mx-auto grid max-w-5xl gap-10 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <h2 className="font-display text-3xl font-bold tracking-tight sm:text-4xl">
            {block.heading ?? form.name}
          </h2>
          {block.intro ? <p className="mt-4 text-lg text-ink/75">{block.intro}</p> : null}
        </div>
        <div className="rounded-3xl bg-surface p-6 shadow-lg ring-1 ring-ink/10 sm:p-8 lg:col-span-3">
          {status.kind === 'success' ? (
            // Ink with a green mark, never the theme's primary: a red brand colour would read as an error.
            <div role="status" className="flex flex-col items-center gap-4 py-8 text-center">
              <span className="flex h-12 w-12 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
                <Icon name="check" className="h-6 w-6" />
              </span>
              <p className="font-display text-2xl font-semibold text-ink">{status.message}</p>
              {status.redirectUrl ? (
                <a
                  href={status.redirectUrl}
                  className="mt-2 inline-block font-semibold text-primary underline"
                >
                  Continue
                </a>
              ) : null}
            </div>
          ) : (
            <form
              method="post"
              action={ENDPOINT}
              onSubmit={submit}
              noValidate={false}
              aria-describedby={`${formId}-status`}
            >
              <input type="hidden" name="form" value={form.slug} />
              {form.token ? <input type="hidden" name="form_token" value={form.token} /> : null}
              <div className="grid gap-5 sm:grid-cols-2">
                {form.fields.map((field) => (
                  <FormField key={field.name} field={field} formId={formId} error={fieldErrors[field.name]} />
                ))}
              </div>
              <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
                <label htmlFor={`${formId}-company_website`}>Company website</label>
                <input
                  id={`${formId}-company_website`}
                  name="company_website"
                  tabIndex={-1}
                  autoComplete="off"
                />
              </div>
              <div className="mt-8 flex flex-wrap items-center gap-4">
                <button
                  type="submit"
                  disabled={status.kind === 'sending'}
                  className="inline-flex items-center justify-center rounded-full bg-primary px-7 py-3 text-sm font-semibold text-on-primary shadow-sm transition hover:brightness-110 disabled:opacity-60"
                >
                  {status.kind === 'sending' ? 'Sending…' : 'Send'}
                </button>
                <p id={`${formId}-status`} role="alert" className="text-sm text-red-700">
                  {status.kind === 'error' ? status.message : ''}
                </p>
              </div>
              {privacy ? (
                <p className="mt-6 text-sm leading-6 text-ink/70" data-privacy-notice>
                  {privacy.text}
                  {privacy.policyUrl ? (
                    <>
                      {' '}
                      <a href={privacy.policyUrl} className="font-medium text-ink underline">
                        Privacy policy
                      </a>
                    </>
                  ) : null}
                </p>
              ) : null}
            </form>
          )}
        </div>
      </div>
    </Section>
  );
}
