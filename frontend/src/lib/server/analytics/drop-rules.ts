import type { DropReason } from '@spark/contracts';
import { isbot } from 'isbot';
import type { HeaderReader } from '../api/endpoint.js';

// isbot knows crawlers; automation frameworks often keep a browser-like agent but still name themselves.
const HEADLESS = /Headless|PhantomJS|SlimerJS|Puppeteer|Playwright|Selenium|Lighthouse|Electron\//i;

export interface DropRuleSettings {
  /** The site asked us to honour Do-Not-Track and Global Privacy Control. */
  respectDnt: boolean;
}

/** Why a tracking call must not be recorded, or null when it should be. Pure: headers in, reason out. */
export function dropReasonFor(headers: HeaderReader, settings: DropRuleSettings): DropReason | null {
  const ua = headers.get('user-agent')?.trim() ?? '';
  if (!ua) return 'missing_user_agent';
  if (HEADLESS.test(ua)) return 'headless_browser';
  if (isbot(ua)) return 'bot_user_agent';
  if (settings.respectDnt && (headers.get('dnt') === '1' || headers.get('sec-gpc') === '1')) {
    return 'do_not_track';
  }
  return null;
}
