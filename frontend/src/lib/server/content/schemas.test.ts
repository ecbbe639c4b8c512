import { describe, expect, it } from 'vitest';
import { globalsRowSchema, navigationRowSchema } from './schemas.js';

describe('Directus row schemas', () => {
  it('reads script and protocol-relative URLs typed into the CMS as absent', () => {
    const nav = (url: string) =>
      navigationRowSchema.parse({ id: crypto.randomUUID(), parent_id: null, label: 'x', url, sort: 0 }).url;
    expect(nav('javascript:alert(1)')).toBeNull();
    expect(nav('//evil.example/')).toBeNull();
    expect(nav('/services#repair')).toBe('/services#repair');
    expect(nav('tel:+15125550142')).toBe('tel:+15125550142');
    const globals = globalsRowSchema.parse({ name: 'A', logo_url: 'data:image/svg+xml,<svg/>' });
    expect(globals.logo_url).toBeNull();
  });

  it('drops social links that are not https or name an unknown network', () => {
    const globals = globalsRowSchema.parse({
      name: 'A',
      social_links: [
        { network: 'facebook', url: 'javascript:alert(1)' },
        { network: 'myspace', url: 'https://myspace.example/a' },
        { network: 'yelp', url: 'https://yelp.example/a' },
      ],
    });
    expect(globals.social_links).toEqual([{ network: 'yelp', url: 'https://yelp.example/a' }]);
  });
});

describe('globals with values the CMS did not check', () => {
  it('falls back per colour: a bad one takes its default, the others still apply', () => {
    const globals = globalsRowSchema.parse({
      name: 'A',
      colors: { primary: 'red; background:url(x)', accent: '#ABCDEF', text: 42 },
    });
    expect(globals.colors).toEqual({ primary: undefined, accent: '#ABCDEF', text: undefined });
    expect(globals.name).toBe('A');
  });

  it('keeps the rest of the globals when colours, name or links are not even the right shape', () => {
    const globals = globalsRowSchema.parse({
      name: '',
      tagline: 7,
      colors: 'blue',
      social_links: 'none',
      footer_text: 'Footer',
      allowed_script_sources: [1],
    });
    expect(globals).toMatchObject({
      name: null,
      tagline: null,
      colors: {},
      social_links: [],
      footer_text: 'Footer',
      allowed_script_sources: [],
    });
  });
});
