import { describe, expect, it } from 'vitest';
import type { SiteChrome } from '../content/site.js';
import { articleSchemas, faqPageSchema, organizationSchema, serializeJsonLd } from './json-ld.js';

const site: SiteChrome = {
  siteId: '00000000-0000-4000-8000-000000000001',
  name: 'Alpha Roofing',
  tagline: null,
  logoUrl: '/brand/alpha/logo.svg',
  faviconUrl: null,
  colors: {
    primary: '#B91C1C',
    secondary: '#1F2937',
    accent: '#F59E0B',
    background: '#FFFFFF',
    text: '#111827',
  },
  footerText: null,
  socialLinks: [{ network: 'facebook', url: 'https://facebook.com/alpha' }],
  allowedScriptSources: [],
  navigation: [],
};

describe('structured data', () => {
  it('describes the organisation on the request origin with its logo and profiles', () => {
    const org = organizationSchema(site, 'https://alpha.example');
    expect(org).toMatchObject({
      '@type': 'Organization',
      url: 'https://alpha.example/',
      logo: { url: 'https://alpha.example/brand/alpha/logo.svg' },
      sameAs: ['https://facebook.com/alpha'],
    });
  });

  it('builds a BlogPosting with its stored dates and a breadcrumb trail ending at the post', () => {
    const [posting, crumbs] = articleSchemas(site, 'https://alpha.example', {
      kind: 'BlogPosting',
      headline: 'Hail damage signs',
      description: 'What to look for',
      url: 'https://alpha.example/blog/hail',
      imageUrl: null,
      authorName: 'Luis Ortega',
      publishedAt: '2024-04-02T14:00:00.000Z',
      modifiedAt: null,
      crumbs: [{ name: 'Home', url: 'https://alpha.example/' }],
    });
    expect(posting).toMatchObject({
      '@type': 'BlogPosting',
      datePublished: '2024-04-02T14:00:00.000Z',
      dateModified: '2024-04-02T14:00:00.000Z',
      author: { '@type': 'Person', name: 'Luis Ortega' },
    });
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });
    expect(JSON.stringify(crumbs)).toContain('https://alpha.example/blog/hail');
  });

  it('cannot be broken out of its script element by CMS text', () => {
    const json = serializeJsonLd([
      faqPageSchema([{ question: '</script><script>alert(1)', answer: 'a & b' }]),
    ]);
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)['@graph'][0].mainEntity[0].name).toBe('</script><script>alert(1)');
  });
});
