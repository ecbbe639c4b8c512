import { describe, expect, it } from 'vitest';
import { summarizeUserAgent } from './user-agent.js';

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
};

describe('summarizeUserAgent', () => {
  it.each([
    [UA.chromeWindows, 'desktop', 'Chrome', 'Windows'],
    [UA.edge, 'desktop', 'Edge', 'Windows'],
    [UA.safariIphone, 'mobile', 'Safari', 'iOS'],
    [UA.firefoxLinux, 'desktop', 'Firefox', 'Linux'],
    [UA.androidTablet, 'tablet', 'Chrome', 'Android'],
    [UA.androidPhone, 'mobile', 'Chrome', 'Android'],
    [UA.safariMac, 'desktop', 'Safari', 'macOS'],
  ])('names device, browser and OS families of %s', (ua, device, browser, os) => {
    expect(summarizeUserAgent(ua)).toEqual({ device, browser, os });
  });

  it('answers "other" with unknown families for an unrecognisable agent', () => {
    expect(summarizeUserAgent('curl-like/1.0')).toEqual({ device: 'other', browser: null, os: null });
  });
});
