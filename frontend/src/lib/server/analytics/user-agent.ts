import type { DEVICE_TYPES } from '@spark/contracts';

export interface UserAgentSummary {
  device: (typeof DEVICE_TYPES)[number];
  browser: string | null;
  os: string | null;
}

// Families only, like Plausible's dashboard: versions and models would fingerprint visitors for no insight.
// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iPadOS desktop mode says "Mac".
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/YaBrowser\//, 'Yandex'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

function firstMatch(ua: string, table: [RegExp, string][]): string | null {
  for (const [pattern, name] of table) if (pattern.test(ua)) return name;
  return null;
}

function deviceOf(ua: string): UserAgentSummary['device'] {
  if (/iPad|Tablet|PlayBook|Silk|Kindle/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua)))
    return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Windows Phone/.test(ua)) return 'mobile';
  if (/Windows|Macintosh|Mac OS X|X11|Linux|CrOS/.test(ua)) return 'desktop';
  return 'other';
}

export function summarizeUserAgent(ua: string): UserAgentSummary {
  return { device: deviceOf(ua), browser: firstMatch(ua, BROWSERS), os: firstMatch(ua, SYSTEMS) };
}

// A site sees a few hundred distinct user agents a day; caching makes the regex work a map lookup.
const MAX_CACHED = 2000;
const cache = new Map<string, UserAgentSummary>();

export function summarizeUserAgentCached(ua: string): UserAgentSummary {
  const hit = cache.get(ua);
  if (hit) return hit;
  const summary = summarizeUserAgent(ua);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(ua, summary);
  return summary;
}
