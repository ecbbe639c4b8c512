import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../http-cache/site-client.testing.js';
import { announceContentChange, siteIdOf, testPool } from './content-change.testing.js';

const pool = testPool();
const alpha = tenantHost('alpha.localhost');
const stamp = Date.now().toString(36);
let alphaId = '';

beforeAll(async () => {
  alphaId = await siteIdOf(pool, 'alpha.localhost');
  await pool.query(
    `insert into generated_articles (site_id, title, slug, html_content, excerpt, status, published_at, generation_key)
     values ($1, $2, $3, $4, 'Storm season tips.', 'published', now(), $5),
            ($1, 'Shadowed article', 'about', '<p>never shown</p>', null, 'published', now(), $6)
     on conflict (site_id, slug) do nothing`,
    [
      alphaId,
      `Hail repair in Round Rock ${stamp}`,
      `hail-repair-round-rock-${stamp}`,
      '<h2>Before you call</h2><p>Check the gutters.</p><script>alert(1)</script><img src=x onerror=alert(2)>',
      `test:article:${stamp}`,
      `test:shadow:${stamp}`,
    ],
  );
  await pool.query(
    `insert into pages (site_id, permalink, title, status, blocks) values ($1, $2, 'Mixed blocks', 'published', $3)`,
    [
      alphaId,
      `/mixed-${stamp}`,
      JSON.stringify([
        { type: 'quote', text: 'First valid block' },
        { type: 'hero', subheading: 'a hero without its heading is invalid' },
        { type: 'unknown_block' },
        { type: 'rich_text', html: '<p>Last valid block<script>alert(3)</script></p>' },
      ]),
    ],
  );
  await announceContentChange(alphaId, 'generated_articles');
});

afterAll(async () => {
  await pool.query(`delete from generated_articles where generation_key like $1`, [`test:%:${stamp}`]);
  await pool.query(`delete from pages where site_id = $1 and permalink = $2`, [alphaId, `/mixed-${stamp}`]);
  await announceContentChange(alphaId, 'pages');
  await pool.end();
});

describe('tenant routes', () => {
  it('serves a published generated article at /<slug> with sanitised HTML and Article JSON-LD', async () => {
    const page = await getSite(alpha, `/hail-repair-round-rock-${stamp}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Hail repair in Round Rock ${stamp}</h1>`);
    expect(page.text).toContain('<h2>Before you call</h2><p>Check the gutters.</p>');
    expect(page.text).not.toContain('alert(1)');
    expect(page.text).not.toContain('onerror');
    expect(page.text).toContain('"@type":"Article"');
  });

  it('lets a page win over an article with the same slug', async () => {
    const page = await getSite(alpha, '/about');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('never shown');
  });

  it('renders the valid blocks of a page and skips the invalid ones instead of failing', async () => {
    const page = await getSite(alpha, `/mixed-${stamp}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('First valid block');
    expect(page.text).toContain('<p>Last valid block</p>');
    expect(page.text).not.toContain('a hero without its heading');
    expect(page.text).not.toContain('alert(3)');
  });

  it("limits scripts to the site and its globals' allowed script sources", async () => {
    const page = await getSite(tenantHost('beta.localhost'), '/');
    const policy = page.headers['content-security-policy'] ?? '';
    expect(policy).toMatch(
      /^script-src 'self' https:\/\/plausible\.io https:\/\/booking\.example-scheduler\.com 'sha256-/,
    );
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('serves a per-tenant web manifest with the name, colours and icons from globals', async () => {
    const manifest = JSON.parse((await getSite(tenantHost('beta.localhost'), '/manifest.webmanifest')).text);
    expect(manifest).toMatchObject({
      name: 'Beta Family Dental',
      start_url: '/',
      display: 'standalone',
      theme_color: '#0F766E',
      background_color: '#F8FAFC',
      icons: [{ src: '/brand/beta/favicon.svg', type: 'image/svg+xml' }, { src: '/brand/beta/logo.svg' }],
    });
  });
});
