import type { LibraryCollection, LibraryRow } from '@spark/contracts/admin';

/**
 * How each library collection is shown and edited: the form's fields and the row's summary. Forms hold text
 * only (lists one item per line, variable maps one `Name=value` per line); `toPayload` turns them into the
 * write body, and the server's schema then judges it, so the rules live in one place.
 */
export type FieldKind = 'text' | 'textarea' | 'lines' | 'pairs' | 'number' | 'boolean' | 'avatar';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** Left empty, the field is sent as null (optional text) or left out (the column's default applies). */
  optional?: boolean;
}

export interface SectionSpec {
  slug: string;
  collection: LibraryCollection;
  title: string;
  /** One row in the singular, for buttons and messages. */
  noun: string;
  fields: FieldSpec[];
  /** The row's heading in the list. */
  title_of(row: LibraryRow): string;
  /** A short line under the heading. */
  detail_of(row: LibraryRow): string;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const clip = (value: string, max = 140) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

export const LIBRARY_SECTIONS: SectionSpec[] = [
  {
    slug: 'dictionaries',
    collection: 'spintax_dictionaries',
    title: 'Spintax dictionaries',
    noun: 'dictionary',
    fields: [
      { name: 'category', label: 'Category', kind: 'text', hint: 'Used in spintax as {Category}.' },
      { name: 'terms', label: 'Terms (one per line)', kind: 'lines' },
      { name: 'description', label: 'Description', kind: 'text', optional: true },
    ],
    title_of: (row) => `{${text(row.category)}}`,
    detail_of: (row) => clip(list(row.terms).join(' · ')),
  },
  {
    slug: 'fragments',
    collection: 'content_fragments',
    title: 'Content fragments',
    noun: 'fragment',
    fields: [
      {
        name: 'fragment_type',
        label: 'Fragment type',
        kind: 'text',
        hint: 'A slot name of an article template.',
      },
      { name: 'avatar_id', label: 'Avatar', kind: 'avatar', optional: true },
      { name: 'body', label: 'Body (spintax)', kind: 'textarea' },
    ],
    title_of: (row) => text(row.fragment_type),
    detail_of: (row) => clip(text(row.body)),
  },
  {
    slug: 'avatars',
    collection: 'avatar_intelligence',
    title: 'Avatars',
    noun: 'avatar',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'description', label: 'Description', kind: 'textarea', optional: true },
      { name: 'pain_points', label: 'Pain points (one per line)', kind: 'lines', optional: true },
      { name: 'goals', label: 'Goals (one per line)', kind: 'lines', optional: true },
      { name: 'tone', label: 'Tone', kind: 'text', optional: true },
    ],
    title_of: (row) => text(row.name),
    detail_of: (row) => clip(text(row.description) || list(row.pain_points).join(' · ')),
  },
  {
    slug: 'variants',
    collection: 'avatar_variants',
    title: 'Avatar variants',
    noun: 'variant',
    fields: [
      { name: 'avatar_id', label: 'Avatar', kind: 'avatar' },
      { name: 'name', label: 'Name', kind: 'text' },
      {
        name: 'variables',
        label: 'Variables (one Name=value per line)',
        kind: 'pairs',
        optional: true,
        hint: 'Extra spintax variables this variant supplies, e.g. Pronoun=she.',
      },
    ],
    title_of: (row) => text(row.name),
    detail_of: (row) =>
      clip(
        Object.entries((row.variables ?? {}) as Record<string, unknown>)
          .map(([name, value]) => `${name}=${String(value)}`)
          .join(' · '),
      ),
  },
  {
    slug: 'templates',
    collection: 'article_templates',
    title: 'Article templates',
    noun: 'template',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'description', label: 'Description', kind: 'text', optional: true },
      { name: 'fragment_types', label: 'Fragment types in order (one per line)', kind: 'lines' },
    ],
    title_of: (row) => text(row.name),
    detail_of: (row) => clip(text(row.description)),
  },
  {
    slug: 'offers',
    collection: 'offer_blocks',
    title: 'Offer blocks',
    noun: 'offer block',
    fields: [
      { name: 'name', label: 'Name', kind: 'text' },
      { name: 'avatar_id', label: 'Avatar', kind: 'avatar', optional: true },
      { name: 'headline', label: 'Headline', kind: 'text' },
      { name: 'body', label: 'Body (spintax)', kind: 'textarea' },
      { name: 'cta_label', label: 'Button label', kind: 'text' },
      { name: 'cta_url', label: 'Button link', kind: 'text', hint: 'A path such as /contact or a full URL.' },
    ],
    title_of: (row) => text(row.name),
    detail_of: (row) => clip(`${text(row.headline)} → ${text(row.cta_label)} (${text(row.cta_url)})`),
  },
  {
    slug: 'links',
    collection: 'link_targets',
    title: 'Link targets',
    noun: 'link target',
    fields: [
      { name: 'url', label: 'URL', kind: 'text', hint: 'A path such as /services or a full URL.' },
      { name: 'anchor_texts', label: 'Anchor texts (one per line)', kind: 'lines' },
      { name: 'keywords', label: 'Keywords (one per line)', kind: 'lines', optional: true },
      { name: 'priority', label: 'Priority', kind: 'number', optional: true },
      { name: 'is_active', label: 'Active', kind: 'boolean', optional: true },
    ],
    title_of: (row) => text(row.url),
    detail_of: (row) =>
      clip(
        `priority ${String(row.priority ?? 0)}${row.is_active === false ? ' · inactive' : ''} · ${list(row.anchor_texts).join(' · ')}`,
      ),
  },
];

export const sectionBySlug = (slug: string) => LIBRARY_SECTIONS.find((section) => section.slug === slug);

export type FormValues = Record<string, string | boolean>;

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A row (or nothing, for a new one) as the form's text values. */
export function toFormValues(section: SectionSpec, row: LibraryRow | null): FormValues {
  const values: FormValues = {};
  for (const field of section.fields) {
    const value = row?.[field.name];
    if (field.kind === 'lines') values[field.name] = list(value).join('\n');
    else if (field.kind === 'pairs')
      values[field.name] = Object.entries((value ?? {}) as Record<string, unknown>)
        .map(([name, setting]) => `${name}=${String(setting)}`)
        .join('\n');
    else if (field.kind === 'boolean') values[field.name] = row ? value !== false : true;
    else if (field.kind === 'number')
      values[field.name] = value === undefined || value === null ? '' : String(value);
    else values[field.name] = text(value);
  }
  return values;
}

/**
 * The form's values as a write body. Numbers that do not parse are sent as typed, so the server names the field;
 * a `pairs` line without `=` is kept whole as a name with an empty value for the same reason.
 */
export function toPayload(section: SectionSpec, values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of section.fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      payload[field.name] = value === true;
      continue;
    }
    const raw = typeof value === 'string' ? value : '';
    if (field.kind === 'lines') {
      const items = lines(raw);
      if (items.length > 0 || !field.optional) payload[field.name] = items;
    } else if (field.kind === 'pairs') {
      const entries = lines(raw).map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      });
      payload[field.name] = Object.fromEntries(entries);
    } else if (field.kind === 'number') {
      if (raw.trim() !== '') payload[field.name] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    } else if (field.kind === 'avatar') {
      payload[field.name] = raw === '' ? null : raw;
    } else if (raw.trim() !== '' || !field.optional) {
      payload[field.name] = raw;
    } else {
      payload[field.name] = null;
    }
  }
  return payload;
}

/** Every library URL section: the collections and the locations browser. */
export const LIBRARY_SECTION_SLUGS = [...LIBRARY_SECTIONS.map((section) => section.slug), 'locations'];
