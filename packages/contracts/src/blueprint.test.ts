import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSiteBlueprint, parseBlueprint, type SiteBlueprint } from './blueprint.js';

function demo(name: 'alpha' | 'beta' | 'library'): Record<string, unknown> {
  const url = new URL(`../../../database/blueprints/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

function site(name: 'alpha' | 'beta'): SiteBlueprint {
  const result = parseBlueprint(demo(name));
  if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 2));
  if (!isSiteBlueprint(result.data)) throw new Error(`${name} is not a site blueprint`);
  return result.data;
}

type Change = [path: string, value: unknown];

/** Deep-copies a demo blueprint, sets each dotted path to a value, and parses the result. */
function mutated(name: 'alpha' | 'beta' | 'library', ...changes: Change[]) {
  const bp: unknown = structuredClone(demo(name));
  for (const [path, value] of changes) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node: unknown = bp;
    for (const key of keys) node = (node as Record<string, unknown>)[key];
    (node as Record<string, unknown>)[last] = value;
  }
  return parseBlueprint(bp);
}

function paths(result: ReturnType<typeof parseBlueprint>): string[] {
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('demo blueprints', () => {
  it('alpha, beta and the shared library all satisfy the contract', () => {
    for (const name of ['alpha', 'beta', 'library'] as const) {
      const result = parseBlueprint(demo(name));
      expect(result.success ? [] : result.error.issues, name).toEqual([]);
    }
  });

  it('describe two different businesses on their own domains and colour themes', () => {
    const [alpha, beta] = [site('alpha'), site('beta')];
    expect(alpha.site.domain).toBe('alpha.localhost');
    expect(beta.site.domain).toBe('beta.localhost');
    expect(alpha.globals.name).not.toBe(beta.globals.name);
    expect(alpha.globals.colors).not.toEqual(beta.globals.colors);
  });

  it.each(['alpha', 'beta'] as const)(
    '%s has nested navigation, a draft preview page, one draft post and a form',
    (name) => {
      const bp = site(name);
      expect(bp.navigation.some((n) => (n.children?.length ?? 0) > 0)).toBe(true);
      expect(bp.pages.find((p) => p.permalink === '/draft-preview')?.status).toBe('draft');
      expect(bp.pages.filter((p) => p.status === 'published').length).toBeGreaterThanOrEqual(3);
      expect(bp.posts).toHaveLength(3);
      expect(bp.posts.filter((p) => p.status === 'draft')).toHaveLength(1);
      expect(bp.forms).toHaveLength(1);
      expect(bp.campaigns.map((c) => c.status)).toEqual(['draft']);
      const home = bp.pages.find((p) => p.permalink === '/');
      const types = new Set(home?.blocks.map((b) => b.type));
      for (const t of ['hero', 'features', 'faq', 'cta', 'testimonial', 'stats'] as const)
        expect(types.has(t), t).toBe(true);
    },
  );

  it('the shared library holds fifty cities across several states', () => {
    const result = parseBlueprint(demo('library'));
    if (!result.success || isSiteBlueprint(result.data))
      throw new Error('library did not parse as a shared library');
    expect(result.data.library.geo?.cities).toHaveLength(50);
    expect(new Set(result.data.library.geo?.cities.map((c) => c.state_code)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('parseBlueprint rejects', () => {
  it('a bad colour at the colour path', () => {
    expect(paths(mutated('alpha', ['globals.colors.primary', 'red']))).toEqual(['globals.colors.primary']);
  });

  it('an unknown block type at the block path', () => {
    const result = mutated('alpha', ['pages.0.blocks.1.type', 'carousel']);
    expect(paths(result)).toEqual(['pages.0.blocks.1.type']);
  });

  it('a form block that names a form the blueprint does not define', () => {
    const result = mutated('beta', ['pages.3.blocks.0.form', 'missing-form']);
    expect(paths(result)).toEqual(['pages.3.blocks.0.form']);
  });

  it('duplicate permalinks, post slugs and form field names', () => {
    const result = mutated(
      'alpha',
      ['pages.1.permalink', '/'],
      ['posts.1.slug', 'hail-damage-signs'],
      ['forms.0.fields.1.name', 'full_name'],
    );
    expect(paths(result).sort()).toEqual(['forms.0.fields.1', 'pages.1', 'posts.1']);
  });

  it('a post whose author is not in the blueprint', () => {
    expect(paths(mutated('beta', ['posts.0.author', 'nobody']))).toEqual(['posts.0.author']);
  });

  it('navigation deeper than three levels and repeated sibling labels', () => {
    const deep = mutated('beta', [
      'navigation.1.children.1.children.0.children',
      [{ label: 'Too deep', url: '/x' }],
    ]);
    expect(paths(deep)).toEqual(['navigation.1.children.1.children.0.children']);
    const twin = mutated('alpha', ['navigation.5', { label: 'home', url: '/home' }]);
    expect(paths(twin)).toEqual(['navigation.5']);
  });

  it('a second call-to-action item, one below the top level, and one with children', () => {
    const second = mutated('alpha', ['navigation.3.is_cta', true]);
    expect(paths(second)).toEqual(['navigation.4.is_cta']);
    const nested = mutated('beta', ['navigation.1.children.0.is_cta', true]);
    expect(paths(nested)).toEqual(['navigation.1.children.0.is_cta']);
    const parent = mutated('beta', ['navigation.3.is_cta', false], ['navigation.1.is_cta', true]);
    expect(paths(parent)).toEqual(['navigation.1.children']);
  });

  it('a select field without options and a checkbox with options', () => {
    const result = mutated(
      'alpha',
      ['forms.0.fields.3.options', undefined],
      ['forms.0.fields.5.options', ['yes']],
    );
    expect(paths(result).sort()).toEqual(['forms.0.fields.3.options', 'forms.0.fields.5.options']);
  });

  it('a campaign whose location mode lacks its target', () => {
    const result = mutated('alpha', ['campaigns.0.location_mode', 'city']);
    expect(paths(result)).toEqual(['campaigns.0.location.city']);
  });

  it('a city in a state or county the geo section does not define', () => {
    const result = mutated(
      'library',
      ['library.geo.cities.0.state_code', 'ZZ'],
      ['library.geo.cities.1.county', 'Atlantis County'],
    );
    expect(paths(result).sort()).toEqual(['library.geo.cities.0.state_code', 'library.geo.cities.1.county']);
  });

  it('site content inside the shared library blueprint', () => {
    const bp = { ...demo('library'), pages: [] };
    const result = parseBlueprint(bp);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('an unknown version and a domain with a scheme', () => {
    expect(paths(mutated('alpha', ['version', 2]))).toEqual(['version']);
    expect(paths(mutated('alpha', ['site.domain', 'https://alpha.localhost']))).toEqual(['site.domain']);
  });

  it('non-object input', () => {
    expect(parseBlueprint('nope').success).toBe(false);
    expect(parseBlueprint(null).success).toBe(false);
  });
});
