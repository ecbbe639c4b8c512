import { describe, expect, it } from 'vitest';
import {
  type AreaArticle,
  areaSectionLinks,
  areaSuccessors,
  buildAreaHubTree,
  hubTrail,
} from './areaHubs.js';

const article = (id: string, county: string | null, city: string | null, state = 'TX'): AreaArticle => ({
  id,
  slug: `slug-${id}`,
  title: `Title ${id}`,
  stateCode: state,
  stateName: state === 'TX' ? 'Texas' : 'Ohio',
  countyName: county,
  cityName: city,
});

describe('hubTrail', () => {
  it('gives state, county and city paths under /areas', () => {
    expect(hubTrail(article('a', 'Travis County', 'Austin')).map((step) => step.path)).toEqual([
      '/areas/tx',
      '/areas/tx/travis-county',
      '/areas/tx/travis-county/austin',
    ]);
  });

  it('hangs a city without a county directly under its state', () => {
    expect(hubTrail(article('a', null, 'Austin')).map((step) => step.path)).toEqual([
      '/areas/tx',
      '/areas/tx/austin',
    ]);
  });
});

describe('buildAreaHubTree', () => {
  const rows = [
    article('1', 'Travis County', 'Austin'),
    article('2', 'Travis County', 'Pflugerville'),
    article('3', 'Harris County', 'Houston'),
    article('4', 'Travis County', null),
    article('5', 'Franklin County', 'Columbus', 'OH'),
  ];
  const tree = buildAreaHubTree(rows);

  it('lists every hub’s articles by title whatever order the articles came in', () => {
    const titled = [
      { ...article('6', 'Travis County', 'Austin'), title: 'zebra roofing' },
      { ...article('7', 'Travis County', 'Austin'), title: 'Apple roofing' },
      { ...article('8', 'Travis County', 'Austin'), title: 'apple roofing' },
      { ...article('9', null, null, 'OH'), stateCode: null, stateName: null, title: 'Ökonomie' },
      { ...article('10', null, null, 'OH'), stateCode: null, stateName: null, title: 'Oak' },
      ...rows,
    ];
    const forward = buildAreaHubTree(titled);
    const backward = buildAreaHubTree([...titled].reverse());
    expect(backward).toEqual(forward);
    expect(forward.hubs.get('/areas/tx/travis-county/austin')?.articles.map((a) => a.title)).toEqual([
      'apple roofing',
      'Apple roofing',
      'Title 1',
      'zebra roofing',
    ]);
    expect(forward.unplaced.map((a) => a.title)).toEqual(['Oak', 'Ökonomie']);
  });

  it('creates a hub only for places that have articles', () => {
    expect([...tree.hubs.keys()].sort()).toEqual([
      '/areas/oh',
      '/areas/oh/franklin-county',
      '/areas/oh/franklin-county/columbus',
      '/areas/tx',
      '/areas/tx/harris-county',
      '/areas/tx/harris-county/houston',
      '/areas/tx/travis-county',
      '/areas/tx/travis-county/austin',
      '/areas/tx/travis-county/pflugerville',
    ]);
    expect(tree.states).toEqual(['/areas/oh', '/areas/tx']);
  });

  it('lists every article of a county, its own and its cities', () => {
    const travis = tree.hubs.get('/areas/tx/travis-county');
    expect(travis?.level).toBe('county');
    expect(travis?.allArticles.map((a) => a.id).sort()).toEqual(['1', '2', '4']);
    expect(travis?.articles.map((a) => a.id)).toEqual(['4']);
    expect(travis?.children.map((c) => c.name)).toEqual(['Austin', 'Pflugerville']);
    expect(travis?.parents).toEqual([{ name: 'Texas', path: '/areas/tx' }]);
  });

  it('keeps articles about no place aside for the areas index', () => {
    const placeless = { ...article('9', null, null), stateCode: null, stateName: null };
    const withPlaceless = buildAreaHubTree([...rows, placeless]);
    expect(withPlaceless.unplaced.map((a) => a.id)).toEqual(['9']);
    expect(withPlaceless.trailOf.get('9')).toEqual([]);
    expect(withPlaceless.hubs.size).toBe(tree.hubs.size);
  });

  it('records each article trail for its breadcrumbs', () => {
    expect(tree.trailOf.get('3')?.map((s) => s.name)).toEqual(['Texas', 'Harris County', 'Houston']);
    expect(tree.hubs.get('/areas/tx/harris-county/houston')?.level).toBe('city');
  });
});

describe('areaSuccessors', () => {
  it('links every article to another so that each one has an inbound link', () => {
    const rows = ['a', 'b', 'c', 'd'].map((id) => article(id, 'Travis County', `City ${id}`));
    const next = areaSuccessors(rows);
    const targets = new Set([...next.values()].map((a) => a.id));
    expect(targets).toEqual(new Set(['a', 'b', 'c', 'd']));
    for (const [source, target] of next) expect(target.id).not.toBe(source);
  });

  it('gives a lone article no successor (no self link)', () => {
    expect(areaSuccessors([article('a', null, null)]).size).toBe(0);
  });
});

describe('areaSectionLinks', () => {
  it('lists nearby articles, then hubs, then the next article, once per URL and never the article itself', () => {
    const links = areaSectionLinks(
      { id: 'self', slug: 'me' },
      [{ name: 'Texas', path: '/areas/tx' }],
      [
        { id: 'n1', slug: 'near', title: 'Near' },
        { id: 'self', slug: 'me', title: 'Me' },
      ],
      { id: 'n1', slug: 'near', title: 'Near' },
    );
    expect(links).toEqual([
      { url: '/near', anchor: 'Near', articleId: 'n1' },
      { url: '/areas/tx', anchor: 'Texas', articleId: null },
    ]);
  });
});
