import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../../testing/http.js';
import { announceContentChange, siteIdOf, testPool } from '../content/content-change.testing.js';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { inlineScriptHashes } from './csp.js';

const pool = testPool();
const alpha = tenantHost('alpha.localhost');
const stamp = Date.now().toString(36);
const injected = `alert('csp-${stamp}')`;
let alphaId = '';

const scriptSrc = (policy: string | undefined) =>
  (policy ?? '').split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';

beforeAll(async () => {
  alphaId = await siteIdOf(pool, 'alpha.localhost');
  // Rich text with an inline script, written around the CMS (as a compromised editor account might).
  await pool.query(
    `insert into pages (site_id, permalink, title, status, blocks) values ($1, $2, 'Injected', 'published', $3)`,
    [
      alphaId,
      `/injected-${stamp}`,
      JSON.stringify([
        {
          type: 'rich_text',
          html: `<p>Before</p><script>${injected}</script><img src=x onerror="${injected}">`,
        },
        { type: 'form', form: 'free-estimate' },
      ]),
    ],
  );
  await announceContentChange(alphaId, 'pages');
});

afterAll(async () => {
  await pool.query('delete from pages where site_id = $1 and permalink = $2', [
    alphaId,
    `/injected-${stamp}`,
  ]);
  await announceContentChange(alphaId, 'pages');
  await pool.end();
});

describe('Content-Security-Policy and security headers on tenant pages', () => {
  it("allows every inline script the site's own pages run, and carries nosniff and a referrer policy", async () => {
    for (const path of ['/', '/contact', '/blog']) {
      const page = await getSite(alpha, path);
      expect(page.status, path).toBe(200);
      const allowed = scriptSrc(page.headers['content-security-policy']);
      expect(allowed).not.toContain('unsafe-inline');
      for (const hash of inlineScriptHashes(page.text)) expect(allowed, `${path} ${hash}`).toContain(hash);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('does not allow a script injected through content, on the first render or from the page cache', async () => {
    const home = await getSite(alpha, '/');
    for (let attempt = 0; attempt < 2; attempt++) {
      const page = await getSite(alpha, `/injected-${stamp}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<p>Before</p>');
      expect(page.text).not.toContain(injected);
      // Same policy as any other page of the site: nothing in it comes from this page's body.
      expect(page.headers['content-security-policy']).toBe(home.headers['content-security-policy']);
      expect(scriptSrc(page.headers['content-security-policy'])).not.toContain(
        inlineScriptHashes(`<script>${injected}</script>`)[0],
      );
    }
  });

  it('sends nosniff with API answers too', async () => {
    const answer = await callApi('/api/health', { host: 'alpha.localhost' });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
