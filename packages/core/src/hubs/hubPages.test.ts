import { describe, expect, it } from 'vitest';
import { type AreaArticle, buildAreaHubTree } from './areaHubs.js';
import { findHubPage, hubPagePaths } from './hubPages.js';

const article = (i: number, cityName: string): AreaArticle => ({
  id: `id-${i}`,
  slug: `guide-${String(i).padStart(3, '0')}`,
  title: `Guide ${String(i).padStart(3, '0')}`,
  stateCode: 'TX',
  stateName: 'Texas',
  countyName: 'Travis County',
  cityName,
});

describe('hub pages', () => {
  const tree = buildAreaHubTree([
    ...Array.from({ length: 25 }, (_, i) => article(i, 'Austin')),
    ...Array.from({ length: 3 }, (_, i) => article(100 + i, 'Page')),
  ]);

  it('splits a hub into stable pages with prev/next, page 1 at the hub path', () => {
    const first = findHubPage(tree, '/areas/tx/travis-county', 10);
    expect(first).toMatchObject({
      page: 1,
      pages: 3,
      prevPath: null,
      nextPath: '/areas/tx/travis-county/page/2',
    });
    expect(first?.articles.map((a) => a.slug)).toHaveLength(10);
    const last = findHubPage(tree, '/areas/tx/travis-county/page/3', 10);
    expect(last).toMatchObject({ page: 3, path: '/areas/tx/travis-county/page/3', nextPath: null });
    expect(last?.prevPath).toBe('/areas/tx/travis-county/page/2');
    expect(last?.articles).toHaveLength(8);
    const seen = [1, 2, 3].flatMap(
      (n) =>
        findHubPage(tree, n === 1 ? '/areas/tx/travis-county' : `/areas/tx/travis-county/page/${n}`, 10)
          ?.articles ?? [],
    );
    expect(new Set(seen.map((a) => a.id)).size).toBe(28);
    expect(hubPagePaths(tree.hubs.get('/areas/tx/travis-county') as never, 10)).toEqual([
      '/areas/tx/travis-county',
      '/areas/tx/travis-county/page/2',
      '/areas/tx/travis-county/page/3',
    ]);
  });

  it('names no page for /page/1, a page past the last or a malformed number', () => {
    for (const path of ['/page/1', '/page/4', '/page/02', '/page/x', '/page/-1'])
      expect(findHubPage(tree, `/areas/tx/travis-county${path}`, 10)).toBeNull();
  });

  it('tells a city called Page from a page number', () => {
    expect(findHubPage(tree, '/areas/tx/travis-county/page', 10)?.hub.name).toBe('Page');
    expect(findHubPage(tree, '/areas/tx/travis-county/page/2', 10)?.hub.name).toBe('Travis County');
  });

  it('lists only statewide articles on a state hub', () => {
    expect(findHubPage(tree, '/areas/tx', 10)).toMatchObject({ pages: 1, articles: [] });
  });
});
