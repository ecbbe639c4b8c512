import { describe, expect, it } from 'vitest';
import {
  articleSlugFrom,
  blogPageNumber,
  blogPagePath,
  isReservedPath,
  isSlug,
  permalinkFrom,
  RESERVED_SLUGS,
} from './paths.js';

describe('tenant URL shapes', () => {
  it('maps the rest parameter to a permalink, the home page included', () => {
    expect(permalinkFrom(undefined)).toBe('/');
    expect(permalinkFrom('about')).toBe('/about');
    expect(permalinkFrom('services/roof-repair')).toBe('/services/roof-repair');
    expect(permalinkFrom('about/')).toBe('/about');
  });

  it('rejects upper case, dots, doubled separators and oversize paths', () => {
    expect(permalinkFrom('About')).toBeNull();
    expect(permalinkFrom('../etc/passwd')).toBeNull();
    expect(permalinkFrom('a//b')).toBeNull();
    expect(permalinkFrom('a--b')).toBeNull();
    expect(permalinkFrom('a'.repeat(300))).toBeNull();
  });

  it('treats only single-segment permalinks as article slugs', () => {
    expect(articleSlugFrom('/best-roofers-austin')).toBe('best-roofers-austin');
    expect(articleSlugFrom('/a/b')).toBeNull();
    expect(articleSlugFrom('/')).toBeNull();
    expect(isSlug('hail-damage-signs')).toBe(true);
    expect(isSlug('Hail')).toBe(false);
  });

  it('accepts listing pages from 2 up and keeps page 1 at /blog', () => {
    expect(blogPageNumber('2')).toBe(2);
    expect(blogPageNumber('1')).toBeNull();
    expect(blogPageNumber('02')).toBeNull();
    expect(blogPageNumber('x')).toBeNull();
    expect(blogPagePath(1)).toBe('/blog');
    expect(blogPagePath(3)).toBe('/blog/page/3');
  });
});

describe('reserved paths', () => {
  it('reserves the blog and the offline page for the site routes', () => {
    expect(isReservedPath('/blog')).toBe(true);
    expect(isReservedPath('/blog/anything')).toBe(true);
    expect(isReservedPath('/offline')).toBe(true);
    expect(isReservedPath('/blogging-tips')).toBe(false);
  });

  it('names exactly the reserved paths an article slug could take (the sitemap query leaves them out)', () => {
    const candidates = ['blog', 'areas', 'offline', 'form-sent', 'blogging-tips', 'area', 'form', 'sent'];
    expect(candidates.filter((slug) => isReservedPath(`/${slug}`))).toEqual([...RESERVED_SLUGS]);
  });
});
