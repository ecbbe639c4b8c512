import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzippedClosure, pageScripts, staticImports } from './admin-bundle.js';

describe('admin bundle measurement', () => {
  it('finds the static imports of a minified chunk, not dynamic ones', () => {
    const source =
      'import{j as a}from"./jsx.js";import"./side.js";const l=()=>import("./lazy.js");export{a};';
    expect(staticImports(source)).toEqual(['./jsx.js', './side.js']);
  });

  it('finds the scripts an Astro page loads', () => {
    const html =
      '<astro-island component-url="/_astro/AdminApp.1.js" renderer-url="/_astro/client.2.js"></astro-island><script type="module" src="/_astro/page.3.js"></script>';
    expect(pageScripts(html)).toEqual(['/_astro/AdminApp.1.js', '/_astro/client.2.js', '/_astro/page.3.js']);
  });

  it('sums each file of the import closure once, gzipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    mkdirSync(join(dir, '_astro'));
    const files = { 'a.js': 'import"./b.js";import"./c.js";', 'b.js': 'import"./c.js";b()', 'c.js': 'c()' };
    for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, '_astro', name), source);
    const expected = Object.values(files).reduce(
      (sum, source) => sum + gzipSync(source, { level: 9 }).length,
      0,
    );
    expect(gzippedClosure(dir, ['/_astro/a.js'])).toEqual({ files: 3, bytes: expected });
  });
});
