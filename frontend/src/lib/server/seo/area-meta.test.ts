import { buildAreaHubTree, findHubPage } from '@spark/core';
import { describe, expect, it } from 'vitest';
import type { SiteChrome } from '../content/site.js';
import { metaForAreaHub, metaForArticle } from './page-meta.js';

const site: SiteChrome = {
  siteId: '00000000-0000-4000-8000-000000000001',
  name: 'Alpha Roofing',
  tagline: null,
  logoUrl: null,
  faviconUrl: null,
  colors: {
    primary: '#B91C1C',
    secondary: '#1F2937',
    accent: '#F59E0B',
    background: '#FFFFFF',
    text: '#111827',
  },
  footerText: null,
  socialLinks: [],
  allowedScriptSources: [],
  navigation: [],
};
const origin = 'https://alpha.example';
const tree = buildAreaHubTree([
  {
    id: 'a1',
    slug: 'roof-repair-austin',
    title: 'Roof repair in Austin',
    stateCode: 'TX',
    stateName: 'Texas',
    countyName: 'Travis County',
    cityName: 'Austin',
  },
]);

describe('area hub head', () => {
  it('is a CollectionPage of the hub articles with breadcrumbs home → areas → state → county', () => {
    const meta = metaForAreaHub(site, origin, findHubPage(tree, '/areas/tx/travis-county'));
    expect(meta.canonical).toBe(`${origin}/areas/tx/travis-county`);
    const crumbs = meta.jsonLd.find((node) => node['@type'] === 'BreadcrumbList');
    expect(JSON.stringify(crumbs)).toContain(`"item":"${origin}/areas/tx"`);
    expect(JSON.stringify(crumbs)).toContain(`"item":"${origin}/areas/tx/travis-county"`);
    const page = meta.jsonLd.find((node) => node['@type'] === 'CollectionPage');
    expect(page).toMatchObject({ url: `${origin}/areas/tx/travis-county`, mainEntity: { numberOfItems: 1 } });
    expect(JSON.stringify(page)).toContain(`${origin}/roof-repair-austin`);
  });

  it('gives each page of a long hub its own canonical URL, title and prev/next', () => {
    const long = buildAreaHubTree(
      Array.from({ length: 150 }, (_, i) => ({
        id: `id-${i}`,
        slug: `guide-${i}`,
        title: `Guide ${String(i).padStart(3, '0')}`,
        stateCode: 'TX',
        stateName: 'Texas',
        countyName: 'Travis County',
        cityName: 'Austin',
      })),
    );
    const first = metaForAreaHub(site, origin, findHubPage(long, '/areas/tx/travis-county'));
    expect(first.pagination).toEqual({ prev: null, next: `${origin}/areas/tx/travis-county/page/2` });
    const second = metaForAreaHub(site, origin, findHubPage(long, '/areas/tx/travis-county/page/2'));
    expect(second.canonical).toBe(`${origin}/areas/tx/travis-county/page/2`);
    expect(second.title).toBe('Travis County: service areas and guides, page 2 | Alpha Roofing');
    expect(second.pagination).toEqual({ prev: `${origin}/areas/tx/travis-county`, next: null });
    const list = second.jsonLd.find((node) => node['@type'] === 'CollectionPage');
    expect(list).toMatchObject({ mainEntity: { numberOfItems: 50 } });
    expect(
      metaForAreaHub(site, origin, findHubPage(tree, '/areas/tx/travis-county')).pagination,
    ).toBeUndefined();
  });

  it('describes the areas index when there is no hub', () => {
    const meta = metaForAreaHub(site, origin, null);
    expect(meta.canonical).toBe(`${origin}/areas`);
    expect(meta.title).toBe('Areas we serve | Alpha Roofing');
  });

  it('puts an article below its hubs in its breadcrumbs', () => {
    const meta = metaForArticle(
      site,
      origin,
      {
        id: '00000000-0000-4000-8000-0000000000a1',
        slug: 'roof-repair-austin',
        title: 'Roof repair in Austin',
        html_content: '<p>Text</p>',
        excerpt: null,
        meta_title: null,
        meta_description: null,
        word_count: 1,
        published_at: '2026-01-01T00:00:00.000Z',
        date_updated: null,
      },
      tree.trailOf.get('a1'),
    );
    const crumbs = JSON.stringify(meta.jsonLd.find((node) => node['@type'] === 'BreadcrumbList'));
    expect(crumbs.indexOf('/areas/tx/travis-county/austin')).toBeLessThan(
      crumbs.indexOf('/roof-repair-austin'),
    );
    expect(crumbs).toContain(`"item":"${origin}/areas/tx"`);
  });
});
