import { describe, expect, it } from 'vitest';
import type { SiteForm } from './block-data.js';
import { buildSubmission, interpretResponse } from './form-submission.js';

const form: SiteForm = {
  slug: 'free-estimate',
  name: 'Free estimate',
  fields: [
    { name: 'full_name', label: 'Name', type: 'text', required: true },
    { name: 'phone', label: 'Phone', type: 'tel', required: false },
    { name: 'has_claim', label: 'Claim', type: 'checkbox', required: false },
  ],
  success_message: 'Thanks!',
  redirect_url: null,
};

describe('buildSubmission', () => {
  it('posts the form slug, trimmed values, booleans for checkboxes and the spam signals', () => {
    const payload = buildSubmission(form, { full_name: '  Ann  ', phone: '', has_claim: true }, '', {
      href: 'https://alpha.example/contact?utm_source=google&email=ann%40example.com&gclid=abc&x=1#top',
      referrer: 'https://www.google.com/',
      elapsedMs: 8123.6,
    });
    expect(payload).toEqual({
      form: 'free-estimate',
      fields: { full_name: 'Ann', has_claim: true },
      page_url: 'https://alpha.example/contact?utm_source=google&gclid=abc',
      referrer: 'https://www.google.com/',
      honeypot: '',
      elapsed_ms: 8124,
      utm_source: 'google',
      gclid: 'abc',
    });
  });

  it('sends an unticked checkbox as false and ignores values of fields the form does not define', () => {
    const payload = buildSubmission(form, { full_name: 'Ann', injected: 'x' }, '', {
      href: 'https://alpha.example/contact',
      referrer: '',
      elapsedMs: 5000,
    });
    expect(payload.fields).toEqual({ full_name: 'Ann', has_claim: false });
    expect(payload).not.toHaveProperty('referrer');
    expect(payload).not.toHaveProperty('form_token');
  });

  it('passes on the signed token the server rendered into the form', () => {
    const payload = buildSubmission({ ...form, token: 'abc.def' }, { full_name: 'Ann' }, '', {
      href: 'https://alpha.example/contact',
      referrer: '',
      elapsedMs: 5000,
    });
    expect(payload.form_token).toBe('abc.def');
  });
});

describe('interpretResponse', () => {
  it('shows the server message and only follows site-relative redirects', () => {
    expect(interpretResponse(200, { ok: true, message: 'Got it', redirect_url: '/thanks' }, form)).toEqual({
      kind: 'success',
      message: 'Got it',
      redirectUrl: '/thanks',
    });
    expect(interpretResponse(200, { redirect_url: 'https://evil.example' }, form)).toMatchObject({
      message: 'Thanks!',
      redirectUrl: null,
    });
  });

  it('maps validation issues onto the fields they name', () => {
    const outcome = interpretResponse(
      422,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'x',
          details: { issues: [{ path: 'fields.email', message: 'Invalid email' }] },
        },
      },
      form,
    );
    expect(outcome).toEqual({
      kind: 'error',
      message: 'Please check the highlighted fields.',
      fieldErrors: { email: 'Invalid email' },
    });
  });

  it('explains a rate limit in plain words', () => {
    expect(interpretResponse(429, null, form)).toMatchObject({ kind: 'error', fieldErrors: {} });
  });
});
