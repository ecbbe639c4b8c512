import { describe, expect, it } from 'vitest';
import { decodeEntry, entriesOfClaim, entriesOfRead } from './stream-entries.js';

const event = {
  kind: 'pageview',
  event_id: '6f1c1d3e-8a0b-4c57-9e47-5d2f3b1c0a11',
  occurred_at: '2025-03-14T10:00:00.000Z',
  site_id: '0b9e4a43-7f1d-4a55-8a3e-1c2d3e4f5a6b',
  visitor_hash: 'a'.repeat(32),
  url: 'http://a.localhost/x',
  path: '/x',
  referrer_host: null,
  utm_source: null,
  utm_medium: null,
  utm_campaign: null,
  utm_term: null,
  utm_content: null,
  device: 'desktop',
  browser: 'Chrome',
  os: 'Linux',
};

describe('decodeEntry', () => {
  it('joins the event JSON with the session id field', () => {
    expect(decodeEntry(['e', JSON.stringify(event), 's', 'sess1'])).toEqual({
      ...event,
      session_id: 'sess1',
    });
  });

  it('refuses entries that break the contract instead of throwing', () => {
    expect(decodeEntry(['e', '{not json'])).toBeNull();
    expect(decodeEntry(['e', JSON.stringify({ ...event, device: 'fridge' }), 's', 'x'])).toBeNull();
    expect(decodeEntry(['e', JSON.stringify({ ...event, extra: 1 }), 's', 'x'])).toBeNull();
    expect(decodeEntry(['s', 'x'])).toBeNull();
  });
});

describe('stream replies', () => {
  it('reads XREADGROUP and XAUTOCLAIM shapes, skipping deleted entries', () => {
    expect(entriesOfRead(null)).toEqual([]);
    expect(entriesOfRead([['stream', [['1-0', ['e', '{}']]]]])).toEqual([['1-0', ['e', '{}']]]);
    expect(
      entriesOfClaim([
        '0-0',
        [
          ['2-0', ['e', '{}']],
          ['3-0', null],
        ],
        [],
      ]),
    ).toEqual({
      cursor: '0-0',
      entries: [['2-0', ['e', '{}']]],
    });
  });
});
