import { describe, expect, it } from 'vitest';
import { routeLabel, routePattern } from './route-pattern.js';

describe('routePattern', () => {
  it('turns param values back into their names', () => {
    expect(routePattern('/api/seo/jobs/3f2c-9a/stream', { id: '3f2c-9a' })).toBe('/api/seo/jobs/[id]/stream');
    expect(routePattern('/blog/my-post', { slug: 'my-post' })).toBe('/blog/[slug]');
  });

  it('replaces a rest param spanning several segments', () => {
    expect(routePattern('/docs/a/b/c', { path: 'a/b/c' })).toBe('/docs/[path]');
  });

  it('matches decoded values against encoded paths', () => {
    expect(routePattern('/blog/caf%C3%A9', { slug: 'café' })).toBe('/blog/[slug]');
  });

  it('keeps static routes as they are and only replaces whole segments', () => {
    expect(routePattern('/api/health', {})).toBe('/api/health');
    expect(routePattern('/api/a', { x: 'a', y: undefined })).toBe('/api/[x]');
    expect(routePattern('/apia/b', { x: 'a' })).toBe('/apia/b');
  });

  it('prefers the last occurrence when a value repeats', () => {
    expect(routePattern('/x/sites/x', { id: 'x' })).toBe('/x/sites/[id]');
  });
});

describe('routeLabel', () => {
  it('never falls back to a raw URL', () => {
    expect(routeLabel('/blog/[slug]', 200)).toBe('/blog/[slug]');
    expect(routeLabel(undefined, 404)).toBe('(unmatched)');
    expect(routeLabel(undefined, 400)).toBe('(rejected)');
    expect(routeLabel(undefined, 200)).toBe('(static)');
  });
});
