import { describe, expect, it } from 'vitest';
import { crawlClickDepths, maxClickDepth, measureCorpus, measureLinkGraph, sameSitePaths } from './index.js';

const words = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed * 104729) % 100003}`).join(' ');

describe('measureCorpus', () => {
  it('counts words, unresolved tokens, near-duplicate pairs and contact paths', () => {
    const base = words(1, 400);
    const articles = [
      { html: `<p>${base}</p><a href="/contact">Contact</a>`, wordCount: 401 },
      { html: `<p>${base} extra</p><a href="tel:+15125550142">Call</a>`, wordCount: 402 },
      { html: `<p>${words(2, 400)} {City}</p>`, wordCount: 300 },
      { html: `<p>${words(3, 400)}</p><a href="/other">x</a>`, wordCount: 500 },
    ];
    const figures = measureCorpus(articles, '/contact');
    expect(figures).toMatchObject({
      articles: 4,
      words: { min: 300, median: 402, max: 500 },
      unresolved: 1,
      nearDuplicatePairs: 1,
      pairs: 6,
      withContactPath: 2,
    });
    expect(figures.nearDuplicateRate).toBeCloseTo(1 / 6);
    expect(figures.candidatePairs).toBeLessThan(figures.pairs);
  });

  it('answers for an empty corpus without dividing by zero', () => {
    expect(measureCorpus([], '/contact')).toMatchObject({ articles: 0, pairs: 0, nearDuplicateRate: 0 });
  });
});

describe('measureLinkGraph', () => {
  it('reports the fewest links and the articles nothing links to', () => {
    const figures = measureLinkGraph(
      [
        { id: 'a', links: 4 },
        { id: 'b', links: 3 },
        { id: 'c', links: 5 },
      ],
      [
        { sourceId: 'a', targetId: 'b' },
        { sourceId: 'b', targetId: 'a' },
        { sourceId: 'c', targetId: 'c' },
      ],
    );
    expect(figures).toEqual({ articles: 3, minLinksPerArticle: 3, orphans: 1 });
  });
});

describe('crawlClickDepths', () => {
  const site: Record<string, string> = {
    '/': '<a href="/areas">Areas</a><a href="/api/x">api</a><a href="/logo.png">logo</a>',
    '/areas': '<a href="/areas/tx">Texas</a><a href="/?q=1">home</a>',
    '/areas/tx': '<a href="/roofers-austin">Austin</a><a href="/areas/tx#top">top</a>',
    '/roofers-austin': '<a href="/deep">deep</a>',
  };
  const fetched: string[] = [];
  const fetchPage = async (path: string) => {
    fetched.push(path);
    return site[path] ?? null;
  };

  it('finds the fewest clicks to each page and never fetches the last depth', async () => {
    const depths = await crawlClickDepths(fetchPage, 3);
    expect(Object.fromEntries(depths)).toEqual({ '/': 0, '/areas': 1, '/areas/tx': 2, '/roofers-austin': 3 });
    expect(fetched).toEqual(['/', '/areas', '/areas/tx']);
    expect(maxClickDepth(depths, ['/roofers-austin', '/areas'])).toEqual({ max: 3, missing: [] });
    expect(maxClickDepth(depths, ['/deep'])).toEqual({ max: null, missing: ['/deep'] });
  });

  it('keeps same-site page paths only', () => {
    expect(
      sameSitePaths('<a href="//evil.test/x"></a><a href="/a?b=1"></a><a href="/_astro/x.js"></a>'),
    ).toEqual(['/a']);
  });
});
