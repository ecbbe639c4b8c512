import { describe, expect, it } from 'vitest';
import { businessFactsOf } from './production-context.js';

describe('businessFactsOf', () => {
  it("takes the phone, service area, licence and contact path from the site's settings", () => {
    expect(
      businessFactsOf('Alpha Roofing', {
        timezone: 'America/Chicago',
        phone: '+1-512-555-0142',
        service_area: 'Central Texas',
        license: 'TX-RC 0142',
        contact_path: '/contact',
      }),
    ).toEqual({
      name: 'Alpha Roofing',
      phone: '+1-512-555-0142',
      serviceArea: 'Central Texas',
      license: 'TX-RC 0142',
      contactPath: '/contact',
    });
  });

  it('ignores values of the wrong shape and a contact path that is not site-relative', () => {
    expect(
      businessFactsOf('Beta', { phone: 42, service_area: '  ', contact_path: 'https://evil.example/' }),
    ).toEqual({ name: 'Beta', phone: null, serviceArea: null, license: null, contactPath: null });
    expect(businessFactsOf('Beta', { contact_path: '//evil.example/' }).contactPath).toBeNull();
    expect(businessFactsOf('Beta', { contact_path: '/\\evil.example/' }).contactPath).toBeNull();
    expect(businessFactsOf('Beta', null)).toMatchObject({ name: 'Beta', phone: null });
  });
});
