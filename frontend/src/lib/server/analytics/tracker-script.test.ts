import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { minifyTracker } from '../../../../build/minified-tracker.mjs';

const source = readFileSync(new URL('../../../components/tracking/tracker.ts', import.meta.url), 'utf8');

describe('the tracker script', () => {
  it('stays under 1 KB gzipped once minified', async () => {
    const code = await minifyTracker(source);
    expect(gzipSync(code, { level: 9 }).byteLength).toBeLessThan(1024);
  });

  it('touches neither cookies nor storage', async () => {
    const code = await minifyTracker(source);
    expect(code).not.toMatch(/cookie|localStorage|sessionStorage|indexedDB/);
  });
});
