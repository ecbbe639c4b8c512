import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontendUrl, getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { announceContentChange, siteIdOf, testPool } from './content-change.testing.js';

const pool = testPool();
const alpha = tenantHost('alpha.localhost');
const beta = tenantHost('beta.localhost');
const stamp = Date.now().toString(36);
const ids = { alpha: '', beta: '' };
let betaSettings: unknown = {};

const OPENING =
  'Looking for a reliable roofer in Round Rock? Our crews have replaced roofs across Williamson County since 2009 and answer the phone on weekends.';

beforeAll(async () => {
  [ids.alpha, ids.beta] = await Promise.all([
    siteIdOf(pool, 'alpha.localhost'),
    siteIdOf(pool, 'beta.localhost'),
  ]);
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, excerpt, status, published_at, generation_key)
     values ($1, $2, $3, $4, $5, 'published', now(), $6)`,
    [
      ids.alpha,
      `Roofers in Round Rock ${stamp}`,
      `roofers-round-rock-${stamp}`,
      `<p>${OPENING}</p><h2>Prices</h2><p>Fair.</p>`,
      `${OPENING.slice(0, 80).trimEnd()}…`,
      `test:details:${stamp}`,
    ],
  );
  const { rows } = await pool.query<{ settings: unknown }>('select settings from sites where id = $1', [
    ids.beta,
  ]);
  betaSettings = rows[0]?.settings ?? {};
  await pool.query(
    `update sites set settings = settings || jsonb_build_object('privacy_notice', $2::text) where id = $1`,
    [ids.beta, `We keep enquiries for 90 days ${stamp}.`],
  );
  await pool.query(
    `insert into pages (site_id, permalink, title, status, blocks) values ($1, '/privacy', 'Privacy', 'published', '[]')
     on conflict (site_id, permalink) do nothing`,
    [ids.beta],
  );
  await announceContentChange(ids.alpha, 'generated_articles');
  await announceContentChange(ids.beta, 'pages');
});

afterAll(async () => {
  await pool.query('delete from generated_articles where generation_key = $1', [`test:details:${stamp}`]);
  await pool.query(`delete from pages where site_id = $1 and permalink = '/privacy'`, [ids.beta]);
  await pool.query('update sites set settings = $2 where id = $1', [ids.beta, JSON.stringify(betaSettings)]);
  await announceContentChange(ids.beta, 'pages');
  await pool.end();
});

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('tenant site details', () => {
  it("does not repeat the article's opening, cut short, as the hero's lead", async () => {
    const page = await getSite(alpha, `/roofers-round-rock-${stamp}`);
    expect(page.status).toBe(200);
    const main = mainOf(page.text);
    expect(main.split(OPENING.slice(0, 60)).length - 1).toBe(1);
    expect(main).not.toContain('…');
  });

  it("shows the site's own privacy notice and links its privacy page under a form that asks for personal data", async () => {
    const contact = await getSite(beta, '/contact');
    expect(contact.status).toBe(200);
    expect(contact.text).toContain(`We keep enquiries for 90 days ${stamp}.`);
    expect(contact.text).toMatch(/<a href="\/privacy"[^>]*>Privacy policy<\/a>/);
  });

  it('shows the default notice, without a link, for a site that has neither', async () => {
    const contact = await getSite(alpha, '/contact');
    expect(contact.text).toContain('we never sell them');
    expect(contact.text).not.toContain('Privacy policy</a>');
  });

  it('answers a missing page with the reason phrase Not Found', async () => {
    const base = frontendUrl();
    const statusLine = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          hostname: base.hostname,
          port: base.port,
          path: `/missing-${stamp}`,
          headers: { host: alpha },
          agent: false,
        },
        (res) => {
          res.resume();
          resolve(`${res.statusCode} ${res.statusMessage}`);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(statusLine).toBe('404 Not Found');
  });
});
