import { describe, expect, it } from 'vitest';
import { collectsPersonalData, DEFAULT_PRIVACY_NOTICE, privacyNotice } from './privacy-notice.js';

describe('collectsPersonalData', () => {
  it('is true for e-mail and phone fields and for name or address fields of any type', () => {
    expect(collectsPersonalData([{ name: 'contact', type: 'email' }])).toBe(true);
    expect(collectsPersonalData([{ name: 'callback', type: 'tel' }])).toBe(true);
    expect(collectsPersonalData([{ name: 'full_name', type: 'text' }])).toBe(true);
    expect(collectsPersonalData([{ name: 'street_address', type: 'textarea' }])).toBe(true);
  });

  it('is false for a form that asks only non-personal questions', () => {
    expect(
      collectsPersonalData([
        { name: 'service', type: 'select' },
        { name: 'has_insurance_claim', type: 'checkbox' },
        { name: 'username_hint', type: 'hidden' },
        { name: 'source', type: 'hidden' },
      ]),
    ).toBe(false);
  });
});

describe('privacyNotice', () => {
  it("uses the site's wording and its privacy page", () => {
    expect(privacyNotice('  We keep your details for 90 days. ', '/privacy')).toEqual({
      text: 'We keep your details for 90 days.',
      policyUrl: '/privacy',
    });
  });

  it('falls back to a plain default when the site says nothing', () => {
    expect(privacyNotice(null, null)).toEqual({ text: DEFAULT_PRIVACY_NOTICE, policyUrl: null });
    expect(privacyNotice('   ', null).text).toBe(DEFAULT_PRIVACY_NOTICE);
  });
});
