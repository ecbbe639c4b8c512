import type { LibraryRow } from '@spark/contracts/admin';
import { LIBRARY_WRITE_SCHEMAS } from '@spark/contracts/admin';
import { describe, expect, it } from 'vitest';
import { LIBRARY_SECTIONS, sectionBySlug, toFormValues, toPayload } from './library-fields.js';

const section = (slug: string) => {
  const found = sectionBySlug(slug);
  if (!found) throw new Error(`no section ${slug}`);
  return found;
};

describe('library forms', () => {
  it('cover every writable field of each collection, and only those', () => {
    for (const spec of LIBRARY_SECTIONS) {
      const writable = Object.keys(LIBRARY_WRITE_SCHEMAS[spec.collection].shape).sort();
      expect(spec.fields.map((field) => field.name).sort(), spec.slug).toEqual(writable);
    }
  });

  it('turn one-per-line lists into arrays, dropping blank lines', () => {
    const payload = toPayload(section('dictionaries'), {
      category: 'Roof_Type',
      terms: ' slate \n\n tile\n',
      description: '',
    });
    expect(payload).toEqual({ category: 'Roof_Type', terms: ['slate', 'tile'], description: null });
  });

  it('round-trip a row through the form unchanged', () => {
    const row = {
      id: '5f0c7c1e-8a8c-4b1e-9a51-0f5a1a1b2c3d',
      site_id: null,
      shared: true,
      url: '/services',
      anchor_texts: ['our services', 'what we do'],
      keywords: ['roof repair'],
      priority: 3,
      is_active: false,
    } as LibraryRow;
    const spec = section('links');
    expect(toPayload(spec, toFormValues(spec, row))).toEqual({
      url: '/services',
      anchor_texts: ['our services', 'what we do'],
      keywords: ['roof repair'],
      priority: 3,
      is_active: false,
    });
  });

  it('read Name=value lines as a variant’s variables', () => {
    const payload = toPayload(section('variants'), {
      avatar_id: '5f0c7c1e-8a8c-4b1e-9a51-0f5a1a1b2c3d',
      name: 'She',
      variables: 'Pronoun = she\nPossessive=her',
    });
    expect(payload.variables).toEqual({ Pronoun: 'she', Possessive: 'her' });
  });

  it('send a number that does not parse as typed, so the server names the field', () => {
    const payload = toPayload(section('links'), {
      url: '/x',
      anchor_texts: 'x',
      keywords: '',
      priority: 'high',
      is_active: true,
    });
    expect(payload.priority).toBe('high');
    expect(LIBRARY_WRITE_SCHEMAS.link_targets.safeParse(payload).success).toBe(false);
  });
});
