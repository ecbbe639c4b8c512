import { describe, expect, it } from 'vitest';
import { buildArticleSchema, markArticlePublished } from './jsonLd.js';

const input = {
  headline: 'Best Plumbers in Austin',
  description: 'Find a plumber.',
  url: 'https://alpha.test/best-plumbers-in-austin',
  siteName: 'Alpha',
  siteUrl: 'https://alpha.test',
  breadcrumbs: [
    { name: 'Home', url: 'https://alpha.test' },
    { name: 'Texas', url: 'https://alpha.test/tx' },
  ],
};

describe('buildArticleSchema', () => {
  it('builds an Article and a BreadcrumbList ending at the article', () => {
    const schema = buildArticleSchema(input);
    const [article, breadcrumbs] = schema['@graph'];
    expect(schema['@context']).toBe('https://schema.org');
    expect(article).toMatchObject({ '@type': 'Article', headline: input.headline, url: input.url });
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Home' },
        { position: 2, name: 'Texas' },
        { position: 3, name: input.headline, item: input.url },
      ],
    });
  });

  it('carries no publication date before the article is published', () => {
    const [article] = buildArticleSchema(input)['@graph'];
    expect(article).not.toHaveProperty('datePublished');
    expect(article).not.toHaveProperty('dateModified');
  });

  it('round-trips through JSON unchanged', () => {
    const schema = buildArticleSchema({
      ...input,
      authorName: 'Ann',
      wordCount: 900,
      locationName: 'Austin, TX',
    });
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('markArticlePublished', () => {
  it('stamps datePublished with the injected now', () => {
    const now = new Date('2025-03-04T05:06:07.000Z');
    const [article] = markArticlePublished(buildArticleSchema(input), now)['@graph'];
    expect(article).toMatchObject({ datePublished: now.toISOString(), dateModified: now.toISOString() });
  });

  it('keeps the original datePublished when published again', () => {
    const first = markArticlePublished(buildArticleSchema(input), new Date('2025-01-01T00:00:00Z'));
    const [article] = markArticlePublished(first, new Date('2025-02-01T00:00:00Z'))['@graph'];
    expect(article).toMatchObject({
      datePublished: '2025-01-01T00:00:00.000Z',
      dateModified: '2025-02-01T00:00:00.000Z',
    });
  });
});
