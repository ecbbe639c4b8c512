import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { announceContentChange, siteIdOf, testPool } from './content-change.testing.js';
import { DEFAULT_COLORS } from './site.js';

const pool = testPool();
const alpha = tenantHost('alpha.localhost');
let alphaId = '';
let original: unknown;

/** Writes globals.colors straight into the database, as a save that skipped validation would leave it. */
async function setColors(colors: unknown) {
  await pool.query('update globals set colors = $2 where site_id = $1', [alphaId, JSON.stringify(colors)]);
  await announceContentChange(alphaId, 'globals');
}

beforeAll(async () => {
  alphaId = await siteIdOf(pool, 'alpha.localhost');
  const { rows } = await pool.query<{ colors: unknown }>('select colors from globals where site_id = $1', [
    alphaId,
  ]);
  original = rows[0]?.colors;
});

afterAll(async () => {
  await setColors(original);
  await pool.end();
});

describe('globals colours that do not parse', () => {
  it('leave every page up: a non-hex colour falls back to its default and the other colours still apply', async () => {
    await setColors({
      ...(original as object),
      primary: 'red;}</style><script>alert(1)</script>',
      background: '#F1F2F3',
    });
    for (const path of ['/', '/contact']) {
      const page = await getSite(alpha, path);
      expect(page.status, path).toBe(200);
      expect(page.text).not.toContain('alert(1)');
    }
    const manifest = JSON.parse((await getSite(alpha, '/manifest.webmanifest')).text);
    expect(manifest.theme_color).toBe(DEFAULT_COLORS.primary);
    expect(manifest.background_color).toBe('#F1F2F3');
  });

  it('leave every page up when no colour is even a string', async () => {
    await setColors({
      primary: 1,
      secondary: null,
      accent: ['#000'],
      background: { hex: '#fff' },
      text: true,
    });
    expect((await getSite(alpha, '/')).status).toBe(200);
    const manifest = JSON.parse((await getSite(alpha, '/manifest.webmanifest')).text);
    expect(manifest.background_color).toBe(DEFAULT_COLORS.background);
  });
});
