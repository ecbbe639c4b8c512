import type { FormField } from '@spark/contracts';
import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS, submissionSchema } from './field-schema.js';

const fields: FormField[] = [
  { name: 'full_name', label: 'Name', type: 'text', required: true, max_length: 10 },
  { name: 'email', label: 'Email', type: 'email', required: true },
  { name: 'phone', label: 'Phone', type: 'tel', required: false },
  { name: 'service', label: 'Service', type: 'select', required: true, options: ['Repair', 'Inspection'] },
  { name: 'agree', label: 'Agree', type: 'checkbox', required: true },
  { name: 'newsletter', label: 'News', type: 'checkbox', required: false },
];
const schema = submissionSchema(fields);
const valid = { full_name: ' Ada ', email: 'ada@example.com', service: 'Repair', agree: true };

const issuePaths = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('submissionSchema', () => {
  it('accepts a valid submission, trimming text and reading "on" checkboxes', () => {
    expect(schema.parse({ ...valid, newsletter: 'on', phone: '' })).toEqual({
      full_name: 'Ada',
      email: 'ada@example.com',
      service: 'Repair',
      agree: true,
      newsletter: true,
    });
  });

  it('names each invalid field', () => {
    expect(issuePaths({ ...valid, email: 'not-an-email' })).toEqual(['email']);
    expect(issuePaths({ ...valid, full_name: 'x'.repeat(11) })).toEqual(['full_name']);
    expect(issuePaths({ ...valid, service: 'Other' })).toEqual(['service']);
    expect(issuePaths({ ...valid, agree: false })).toEqual(['agree']);
    expect(issuePaths({ ...valid, phone: 'call me' })).toEqual(['phone']);
    expect(issuePaths({ ...valid, full_name: '   ' })).toEqual(['full_name']);
  });

  it('rejects fields the form does not define', () => {
    expect(issuePaths({ ...valid, admin: true })).toEqual(['']);
  });

  it('has a contact-form fallback that requires only an email', () => {
    expect(submissionSchema(CONTACT_FIELDS).safeParse({ email: 'a@b.co' }).success).toBe(true);
    expect(submissionSchema(CONTACT_FIELDS).safeParse({ name: 'A' }).success).toBe(false);
  });
});
