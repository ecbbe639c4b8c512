import { describe, expect, it } from 'vitest';
import { type AreaArticle, areaSuccessors, buildAreaHubTree } from './areaHubs.js';
import { findHubPage, hubListing, hubPagePaths } from './hubPages.js';
import {
  type AreaPlace,
  type AreaPlaceKey,
  adjacentRingGroup,
  areaRingGroups,
  areaRingKey,
  buildAreaPlaceTree,
  locatePlaceHubPage,
  placeHubPagePaths,
} from './placeHubs.js';

type Placed = AreaArticle & { stateId: string | null; countyId: string | null; cityId: string | null };

/** Articles in cities, directly in counties, statewide and about no place, with a few lastmods per place. */
function corpus(): { articles: Placed[]; lastmods: Map<string, string> } {
  const articles: Placed[] = [];
  const lastmods = new Map<string, string>();
  const add = (place: Omit<Placed, 'id' | 'slug' | 'title'>, count: number) => {
    for (let i = 0; i < count; i += 1) {
      const n = articles.length;
      articles.push({ ...place, id: `id-${n}`, slug: `guide-${n}`, title: `Guide ${(n * 7919) % 1000}` });
      lastmods.set(`id-${n}`, `2026-0${1 + (n % 9)}-1${n % 10}T00:00:00.000Z`);
    }
  };
  const texas = { stateId: 's1', stateCode: 'TX', stateName: 'Texas' };
  const ohio = { stateId: 's2', stateCode: 'OH', stateName: 'Ohio' };
  add({ ...texas, countyId: 'c1', countyName: 'Travis County', cityId: 't1', cityName: 'Austin' }, 230);
  add({ ...texas, countyId: 'c1', countyName: 'Travis County', cityId: 't2', cityName: 'Pflugerville' }, 7);
  add({ ...texas, countyId: 'c1', countyName: 'Travis County', cityId: null, cityName: null }, 4);
  add({ ...texas, countyId: null, countyName: null, cityId: 't3', cityName: 'Marfa' }, 3);
  add({ ...texas, countyId: null, countyName: null, cityId: null, cityName: null }, 120);
  add({ ...ohio, countyId: 'c2', countyName: 'Franklin County', cityId: 't4', cityName: 'Columbus' }, 12);
  add(
    {
      stateId: null,
      stateCode: null,
      stateName: null,
      countyId: null,
      countyName: null,
      cityId: null,
      cityName: null,
    },
    5,
  );
  return { articles, lastmods };
}

/** What the place aggregate returns for these articles: one row per stored place. */
function placesOf(articles: readonly Placed[], lastmods: Map<string, string>): AreaPlace[] {
  const places = new Map<string, AreaPlace>();
  for (const article of articles) {
    const key = [article.stateId, article.countyId, article.cityId].join('/');
    const place = places.get(key) ?? {
      stateId: article.stateId,
      countyId: article.countyId,
      cityId: article.cityId,
      stateCode: article.stateCode,
      stateName: article.stateName,
      countyName: article.countyName,
      cityName: article.cityName,
      articles: 0,
      lastmod: null,
    };
    place.articles += 1;
    const lastmod = lastmods.get(article.id) ?? null;
    if (lastmod && (!place.lastmod || lastmod > place.lastmod)) place.lastmod = lastmod;
    places.set(key, place);
  }
  return [...places.values()];
}

const newest = (articles: readonly AreaArticle[], lastmods: Map<string, string>) =>
  articles
    .map((article) => lastmods.get(article.id) ?? '')
    .sort()
    .at(-1) || null;

describe('area hubs from places', () => {
  const { articles, lastmods } = corpus();
  const byArticles = buildAreaHubTree(articles);
  const byPlaces = buildAreaPlaceTree(placesOf(articles, lastmods));

  it('has the same hubs, levels, parents, children, counts and states as the tree built from articles', () => {
    expect([...byPlaces.hubs.keys()].sort()).toEqual([...byArticles.hubs.keys()].sort());
    expect(byPlaces.states).toEqual(byArticles.states);
    for (const [path, hub] of byArticles.hubs) {
      const place = byPlaces.hubs.get(path);
      expect(place).toMatchObject({
        level: hub.level,
        name: hub.name,
        parents: hub.parents,
        children: hub.children,
        articleCount: hub.allArticles.length,
        lastmod: newest(hub.allArticles, lastmods),
      });
      expect(place?.listed.count).toBe(hubListing(hub).length);
      expect(place && placeHubPagePaths(place, 50)).toEqual(hubPagePaths(hub, 50));
    }
    expect(byPlaces.unplaced.count).toBe(byArticles.unplaced.length);
    expect(byPlaces.indexLastmod).toBe(newest(articles, lastmods));
  });

  it('lists exactly the articles of the places a hub names', () => {
    for (const [path, hub] of byArticles.hubs) {
      const places = byPlaces.hubs.get(path)?.listed.places ?? [];
      const listed = articles.filter((article) =>
        places.some(
          (place) =>
            place.stateId === article.stateId &&
            place.countyId === article.countyId &&
            place.cityId === article.cityId,
        ),
      );
      expect(listed.map((article) => article.id).sort()).toEqual(
        hubListing(hub)
          .map((a) => a.id)
          .sort(),
      );
    }
  });

  it('locates the same pages, prev/next and 404s as the article-based pages', () => {
    for (const path of [
      '/areas/tx',
      '/areas/tx/page/2',
      '/areas/tx/page/3',
      '/areas/tx/travis-county',
      '/areas/tx/travis-county/page/3',
      '/areas/tx/travis-county/page/4',
      '/areas/tx/travis-county/austin/page/1',
      '/areas/tx/marfa',
      '/areas/oh/franklin-county/columbus/page/2',
      '/areas/nowhere',
    ]) {
      const expected = findHubPage(byArticles, path);
      const slot = locatePlaceHubPage(byPlaces, path);
      expect(slot === null, path).toBe(expected === null);
      if (!expected || !slot) continue;
      expect(slot).toMatchObject({
        page: expected.page,
        pages: expected.pages,
        path: expected.path,
        prevPath: expected.prevPath,
        nextPath: expected.nextPath,
      });
      expect(hubListing(expected.hub).slice(slot.offset, slot.offset + slot.limit)).toEqual(
        expected.articles,
      );
    }
  });
});

describe('the next-article ring by place', () => {
  const { articles, lastmods } = corpus();
  const groups = areaRingGroups(placesOf(articles, lastmods));
  const inPlaces = (places: readonly AreaPlaceKey[]) =>
    articles.filter((article) =>
      places.some(
        (place) =>
          place.stateId === article.stateId &&
          place.countyId === article.countyId &&
          place.cityId === article.cityId,
      ),
    );
  const order = (a: AreaArticle) => `${a.title}\u0000${a.slug}`;
  /** What `findAreaNeighbour` answers, in memory: the first article of the places after `bound`. */
  const firstAfter = (places: readonly AreaPlaceKey[], bound: AreaArticle | null) =>
    inPlaces(places)
      .filter((article) => !bound || order(article) > order(bound))
      .sort((a, b) => (order(a) < order(b) ? -1 : 1))[0];
  const lastBefore = (places: readonly AreaPlaceKey[], bound: AreaArticle | null) =>
    inPlaces(places)
      .filter((article) => !bound || order(article) < order(bound))
      .sort((a, b) => (order(a) < order(b) ? 1 : -1))[0];

  it("finds every article's successor and predecessor from its own group and the adjacent one", () => {
    const successors = areaSuccessors(articles);
    const predecessors = new Map([...successors].map(([id, next]) => [next.id, id]));
    for (const article of articles) {
      const at = groups.findIndex((group) => group.key === areaRingKey(article));
      const group = groups[at];
      expect(group).toBeDefined();
      if (!group) continue;
      const next =
        firstAfter(group.places, article) ??
        firstAfter(adjacentRingGroup(groups, at, 'after')?.places ?? [], null);
      expect(next?.id).toBe(successors.get(article.id)?.id);
      const previous =
        lastBefore(group.places, article) ??
        lastBefore(adjacentRingGroup(groups, at, 'before')?.places ?? [], null);
      expect(previous?.id).toBe(predecessors.get(article.id));
    }
  });
});
