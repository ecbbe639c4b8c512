import { describe, expect, it } from 'vitest';
import { affectedSites } from './affected-sites.js';
import { compactValue, createDiff, deleteDiff, MAX_DIFF_STRING, updateDiff, WITHHELD } from './diff.js';

describe('building work-log diffs', () => {
  it('keeps only fields whose value changed, with old and new values', () => {
    const before = { id: 'p1', title: 'Old', status: 'draft', blocks: [{ type: 'hero' }] };
    const diff = updateDiff(before, { title: 'New', status: 'draft', blocks: [{ type: 'hero' }] });
    expect(diff).toEqual({ title: { old: 'Old', new: 'New' } });
  });

  it('treats a timestamp string equal to the stored Date as unchanged', () => {
    const when = new Date('2025-01-02T03:04:05.000Z');
    expect(updateDiff({ publish_at: when }, { publish_at: '2025-01-02T03:04:05Z' })).toEqual({});
  });

  it('truncates long strings and big JSON to about 200 characters', () => {
    const long = 'x'.repeat(5000);
    const value = compactValue(long) as string;
    expect(value.length).toBeLessThan(MAX_DIFF_STRING + 30);
    expect(value).toContain('(5000 chars)');
    expect(String(compactValue({ html: long }))).toContain('chars)');
    expect(compactValue({ a: 1 })).toEqual({ a: 1 });
  });

  it('never copies password, token or secret fields', () => {
    const diff = updateDiff(
      { password: 'old-pass' },
      { password: 'new-pass', webhook_secret: 's3cret', api_key: 'k', token: 't' },
    );
    expect(JSON.stringify(diff)).not.toMatch(/old-pass|new-pass|s3cret|"k"|"t"/);
    expect(createDiff({ token: 'abc', name: 'n' })).toEqual({
      token: { new: '[redacted]' },
      name: { new: 'n' },
    });
  });

  it('redacts a secret nested in a settings object, in old and new values alike', () => {
    const settings = (secret: string) => ({
      phone: '1',
      lead_webhook: {
        url: 'https://hooks.example/x',
        secret,
        headers: [{ Authorization: `Bearer ${secret}` }],
      },
    });
    const diff = updateDiff({ settings: settings('old-s3cret') }, { settings: settings('new-s3cret') });
    expect(JSON.stringify(diff)).not.toMatch(/s3cret/);
    expect(JSON.stringify(deleteDiff({ settings: settings('gone-s3cret') }))).not.toMatch(/s3cret/);
    expect(JSON.stringify(createDiff({ settings: JSON.stringify(settings('text-s3cret')) }))).not.toMatch(
      /s3cret/,
    );
  });

  it('logs which personal fields of a lead changed, never their values', () => {
    const before = {
      id: 'l1',
      email: 'ann@example.com',
      phone: '+1 555',
      status: 'new',
      data: { note: 'x' },
    };
    const diff = updateDiff(before, { email: 'bob@example.com', status: 'contacted' }, 'leads');
    expect(diff).toEqual({
      email: { old: WITHHELD, new: WITHHELD },
      status: { old: 'new', new: 'contacted' },
    });
    const created = JSON.stringify(createDiff({ ...before, form_id: 'f1' }, 'form_submissions'));
    expect(created).not.toMatch(/ann@|555|note/);
    expect(created).toContain('"form_id":{"new":"f1"}');
    expect(JSON.stringify(deleteDiff(before, 'leads'))).not.toMatch(/ann@|555/);
  });

  it('records what a create set and what a delete removed, without timestamp noise', () => {
    expect(createDiff({ title: 'T', date_created: 'now' })).toEqual({ title: { new: 'T' } });
    expect(deleteDiff({ id: 'p1', title: 'T', excerpt: null, date_updated: new Date() })).toEqual({
      id: { old: 'p1' },
      title: { old: 'T' },
    });
  });
});

describe('working out which sites a change touches', () => {
  const base = { collection: 'pages', siteColumn: 'site_id', payload: {}, rows: undefined };

  it('uses the payload site of a create', () => {
    const sites = affectedSites({ ...base, event: 'create', keys: ['k'], payload: { site_id: 's1' } });
    expect(sites).toEqual({ siteIds: ['s1'], hostsChanged: false });
  });

  it('uses the old rows of an update, and both sites when a row moves', () => {
    const rows = new Map([['k', { site_id: 's1' }]]);
    expect(affectedSites({ ...base, event: 'update', keys: ['k'], rows }).siteIds).toEqual(['s1']);
    const moved = affectedSites({ ...base, event: 'update', keys: ['k'], rows, payload: { site_id: 's2' } });
    expect(moved.siteIds.sort()).toEqual(['s1', 's2']);
  });

  it('falls back to every site when the old row is unknown or shared', () => {
    expect(affectedSites({ ...base, event: 'delete', keys: ['k'] }).siteIds).toEqual([null]);
    const shared = new Map([['k', { site_id: null }]]);
    expect(affectedSites({ ...base, event: 'update', keys: ['k'], rows: shared }).siteIds).toEqual([null]);
  });

  it('flags host changes only for site creates, deletes and domain/alias/status edits', () => {
    const site = { ...base, collection: 'sites', siteColumn: 'id', keys: ['s1'] };
    expect(affectedSites({ ...site, event: 'update', payload: { name: 'x' } })).toEqual({
      siteIds: ['s1'],
      hostsChanged: false,
    });
    expect(affectedSites({ ...site, event: 'update', payload: { domain_aliases: [] } }).hostsChanged).toBe(
      true,
    );
    expect(affectedSites({ ...site, event: 'create' }).hostsChanged).toBe(true);
    expect(affectedSites({ ...site, event: 'delete' }).hostsChanged).toBe(true);
  });
});
