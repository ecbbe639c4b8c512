import { describe, expect, it } from 'vitest';
import type { FieldSpec } from './field-values.js';
import { type CollectionSpec, describeIssue, validateRows } from './validate-rows.js';
import { planChunks } from './write-rows.js';

const field = (name: string, type: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  field: name,
  type: type as FieldSpec['type'],
  nullable: true,
  defaultValue: null,
  generated: false,
  alias: false,
  special: [],
  ...extra,
});

const pages: CollectionSpec = {
  collection: 'pages',
  primary: 'id',
  fields: {
    id: field('id', 'uuid', { nullable: false, defaultValue: 'gen_random_uuid()' }),
    site_id: field('site_id', 'uuid', { nullable: false }),
    title: field('title', 'string', { nullable: false }),
    status: field('status', 'string', { nullable: false, defaultValue: 'draft' }),
    sort: field('sort', 'integer'),
    published_at: field('published_at', 'timestamp'),
    blocks: field('blocks', 'json', { nullable: false, defaultValue: [] }),
    tags: field('tags', 'alias', { alias: true }),
  },
};
const SITE = '6f1c2a52-8f0e-4c1e-9a57-3d2b6b1f0a11';
const insert = { mode: 'insert' as const, key: ['id'] };

describe('validating bulk rows against the collection fields', () => {
  it('accepts rows that fit, leaving defaulted columns out', () => {
    const rows = [
      { site_id: SITE, title: 'Home' },
      { site_id: SITE, title: 'About', sort: 2, blocks: [] },
    ];
    expect(validateRows(pages, rows, insert)).toEqual([]);
  });

  it('names the row and the field of an unknown field', () => {
    const rows = [
      { site_id: SITE, title: 'ok' },
      { site_id: SITE, title: 'x', colour: 'red' },
    ];
    const [issue] = validateRows(pages, rows, insert);
    expect(issue).toMatchObject({ row: 1, field: 'colour' });
    expect(describeIssue(issue ?? { row: 0, field: '', problem: '' })).toContain('row 1, field "colour"');
  });

  it('rejects wrong basic types', () => {
    const problems = [
      { title: 42 },
      { sort: 1.5 },
      { sort: '3' },
      { site_id: 'not-a-uuid' },
      { published_at: 'yesterday' },
    ].map((extra) => validateRows(pages, [{ site_id: SITE, title: 't', ...extra }], insert)[0]?.field);
    expect(problems).toEqual(['title', 'sort', 'sort', 'site_id', 'published_at']);
  });

  it('requires non-null columns without a default, and refuses null in them', () => {
    expect(validateRows(pages, [{ site_id: SITE }], insert)[0]).toMatchObject({ field: 'title' });
    expect(validateRows(pages, [{ site_id: SITE, title: null }], insert)[0]?.problem).toBe('may not be null');
  });

  it('refuses alias fields and non-object rows', () => {
    expect(validateRows(pages, [{ site_id: SITE, title: 't', tags: [] }], insert)[0]?.field).toBe('tags');
    expect(validateRows(pages, [[1, 2]], insert)[0]).toMatchObject({ row: 0, field: '(row)' });
  });

  it('in upsert mode requires the key on every row and refuses repeated keys', () => {
    const upsert = { mode: 'upsert' as const, key: ['id'] };
    const id = '0b8e6f9e-3a8b-4f0c-9a1d-2c3b4d5e6f70';
    expect(validateRows(pages, [{ site_id: SITE, title: 't' }], upsert)[0]?.field).toBe('id');
    const twice = validateRows(
      pages,
      [
        { id, site_id: SITE, title: 'a' },
        { id, site_id: SITE, title: 'b' },
      ],
      upsert,
    );
    expect(twice[0]).toMatchObject({ row: 1, problem: 'repeats the key of row 0' });
    expect(validateRows(pages, [], { mode: 'upsert', key: ['nope'] })[0]?.row).toBe(-1);
  });

  it('stops after a bounded number of issues', () => {
    const rows = Array.from({ length: 1000 }, () => ({ site_id: SITE, title: 1 }));
    expect(validateRows(pages, rows, { ...insert, maxIssues: 5 })).toHaveLength(5);
  });
});

describe('planning insert statements', () => {
  it('keeps rows of one shape together, at most 500 per statement, remembering original indexes', () => {
    const rows = Array.from({ length: 1201 }, (_, i) => (i === 600 ? { a: i, b: 1 } : { a: i }));
    const chunks = planChunks(rows);
    expect(chunks.map((chunk) => chunk.rows.length)).toEqual([500, 500, 200, 1]);
    expect(chunks[3]).toMatchObject({ columns: ['a', 'b'], first: 600, last: 600 });
    expect(chunks[1]).toMatchObject({ first: 500, last: 501 + 499 });
  });

  it('uses smaller statements for wide rows to stay under the bind-parameter limit', () => {
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`c${i}`, i]));
    expect(planChunks(Array.from({ length: 1000 }, () => wide))[0]?.rows.length).toBe(300);
  });
});
