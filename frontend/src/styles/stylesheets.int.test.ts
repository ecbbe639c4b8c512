import { describe, expect, it } from 'vitest';
import { getSite, tenantHost } from '../lib/server/http-cache/site-client.testing.js';

/**
 * The built frontend ships two stylesheets: the tenant one (tenant pages, generated from the files that render
 * them) and the admin one. A visitor's stylesheet must style every class a tenant page shows, and must not
 * carry the admin's classes.
 */
const alpha = tenantHost('alpha.localhost');
const platform = () => tenantHost(process.env.PUBLIC_PLATFORM_HOST ?? 'localhost');
const TENANT_PAGES = ['/', '/services', '/about', '/contact', '/blog'];
/** Classes that only mark an element for a variant of another class (`group-hover:`) and have no rule. */
const MARKERS = new Set(['group', 'peer']);
/** Arbitrary-value utilities written only in the admin app. */
const ADMIN_ONLY = ['min-w-[36rem]', 'max-w-[11rem]', 'grid-cols-[auto_1fr]'];

const cssClass = (name: string) => `.${name.replace(/[^\w-]/g, (char) => `\\${char}`)}`;

async function linkedStylesheets(host: string, path: string): Promise<string[]> {
  const page = await getSite(host, path);
  expect(page.status, path).toBe(200);
  return [...page.text.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((match) => match[1] ?? '');
}

async function stylesheet(host: string, path: string): Promise<string> {
  const answer = await getSite(host, path);
  expect(answer.status, path).toBe(200);
  return answer.text;
}

describe('the tenant and admin stylesheets', () => {
  it('gives tenant pages one stylesheet with a rule for every class they render', async () => {
    const [tenantCss] = await linkedStylesheets(alpha, '/');
    if (!tenantCss) throw new Error('the home page links no stylesheet');
    const css = await stylesheet(alpha, tenantCss);
    for (const path of TENANT_PAGES) {
      const page = await getSite(alpha, path);
      expect(await linkedStylesheets(alpha, path), path).toEqual([tenantCss]);
      const classes = new Set(
        [...page.text.matchAll(/\sclass="([^"]*)"/g)].flatMap((match) => (match[1] ?? '').split(/\s+/)),
      );
      const missing = [...classes].filter(
        (name) => name && !MARKERS.has(name) && !css.includes(cssClass(name)),
      );
      expect(missing, path).toEqual([]);
    }
  });

  it('styles the elements sanitised content can contain, and drops prose rules for ones it cannot', async () => {
    const [tenantCss = ''] = await linkedStylesheets(alpha, '/');
    const css = await stylesheet(alpha, tenantCss);
    for (const element of ['p', 'a', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'strong']) {
      expect(css, element).toContain(`.prose :where(${element})`);
    }
    for (const element of ['img', 'table', 'pre', 'code', 'figure', 'h1']) {
      expect(css, element).not.toContain(`.prose :where(${element})`);
    }
  });

  it('keeps admin-only classes out of the tenant stylesheet and in the admin one', async () => {
    const [tenantCss = ''] = await linkedStylesheets(alpha, '/');
    const [adminCss = ''] = await linkedStylesheets(platform(), '/admin/sign-in');
    expect(adminCss).toMatch(/\.css$/);
    expect(adminCss).not.toBe(tenantCss);
    const tenant = await stylesheet(alpha, tenantCss);
    const admin = await stylesheet(platform(), adminCss);
    for (const name of ADMIN_ONLY) {
      expect(admin, name).toContain(cssClass(name));
      expect(tenant, name).not.toContain(cssClass(name));
    }
    expect(admin).not.toContain('.prose');
  });
});
