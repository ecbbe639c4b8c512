import { describe, expect, it } from 'vitest';
import { leadFilterSql } from './lead-filter.js';

describe('leadFilterSql', () => {
  it('scopes to the site and leaves spam out unless spam is asked for', () => {
    const params: unknown[] = [];
    expect(leadFilterSql({ siteId: 's1' }, params)).toBe(`l.site_id = $1::uuid and l.status <> 'spam'`);
    expect(params).toEqual(['s1']);
    const spam: unknown[] = [];
    expect(leadFilterSql({ siteId: 's1', status: 'spam' }, spam)).toContain('l.status = $2');
    expect(spam).toEqual(['s1', 'spam']);
  });

  it('binds every value as a parameter, never as SQL text', () => {
    const params: unknown[] = [];
    const sql = leadFilterSql(
      {
        siteId: 's1',
        q: "o'brien%_",
        formId: 'f1',
        utmSource: 'x; drop',
        from: '2025-01-01',
        to: '2025-01-31',
      },
      params,
    );
    expect(sql).not.toContain("o'brien");
    expect(sql).not.toContain('drop');
    expect(params).toEqual(['s1', "%o'brien\\%\\_%", 'f1', 'x; drop', '2025-01-01', '2025-01-31']);
  });

  it('also matches a phone by its digits when the search has at least three', () => {
    const params: unknown[] = [];
    const sql = leadFilterSql({ siteId: 's1', q: '(512) 555' }, params);
    expect(sql).toContain("regexp_replace(coalesce(l.phone, ''), '\\D', '', 'g') like $3");
    expect(params[2]).toBe('%512555%');
    const short: unknown[] = [];
    expect(leadFilterSql({ siteId: 's1', q: 'ab1' }, short)).not.toContain('regexp_replace');
  });
});
