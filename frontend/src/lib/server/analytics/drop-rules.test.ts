import { describe, expect, it } from 'vitest';
import { dropReasonFor } from './drop-rules.js';

const browser =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const headers = (values: Record<string, string>) => new Headers(values);

describe('dropReasonFor', () => {
  it('keeps a normal browser', () => {
    expect(dropReasonFor(headers({ 'user-agent': browser }), { respectDnt: false })).toBeNull();
  });

  it('drops a call without a user agent', () => {
    expect(dropReasonFor(headers({}), { respectDnt: false })).toBe('missing_user_agent');
  });

  it('drops headless browsers and crawlers with distinct reasons', () => {
    const headless = browser.replace('Chrome/', 'HeadlessChrome/');
    expect(dropReasonFor(headers({ 'user-agent': headless }), { respectDnt: false })).toBe(
      'headless_browser',
    );
    const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    expect(dropReasonFor(headers({ 'user-agent': googlebot }), { respectDnt: false })).toBe('bot_user_agent');
  });

  it('honours DNT and GPC only when the site enables it', () => {
    for (const signal of [{ dnt: '1' }, { 'sec-gpc': '1' }] as Record<string, string>[]) {
      const request = headers({ 'user-agent': browser, ...signal });
      expect(dropReasonFor(request, { respectDnt: true })).toBe('do_not_track');
      expect(dropReasonFor(request, { respectDnt: false })).toBeNull();
    }
  });
});
