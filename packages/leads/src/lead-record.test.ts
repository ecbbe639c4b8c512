import type { FormField } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { attribution, leadColumns } from './lead-record.js';

const fields: FormField[] = [
  { name: 'full_name', label: 'Name', type: 'text', required: true },
  { name: 'work_email', label: 'Email', type: 'email', required: true },
  { name: 'mobile', label: 'Phone', type: 'tel', required: false },
  { name: 'service', label: 'Service', type: 'select', required: true, options: ['A'] },
];

describe('leadColumns', () => {
  it('lifts email, name and phone by field type and keeps the rest in data', () => {
    expect(
      leadColumns(fields, {
        full_name: 'Ada',
        work_email: 'Ada@Example.com',
        mobile: '+1 512',
        service: 'A',
      }),
    ).toEqual({ email: 'ada@example.com', name: 'Ada', phone: '+1 512', data: { service: 'A' } });
  });

  it('combines first and last names when the form splits them', () => {
    expect(leadColumns([], { first_name: 'Ada', last_name: 'Lovelace' }).name).toBe('Ada Lovelace');
  });
});

describe('attribution', () => {
  it('prefers explicit values and falls back to the page URL', () => {
    const result = attribution(
      { utm_source: 'news' },
      'https://a.test/p?utm_source=x&utm_medium=email&gclid=G1',
    );
    expect(result).toMatchObject({ utm_source: 'news', utm_medium: 'email', gclid: 'G1', fbclid: null });
  });

  it('survives a missing or malformed page URL', () => {
    expect(attribution({}, undefined).utm_source).toBeNull();
    expect(attribution({}, 'nope').gclid).toBeNull();
  });
});
