import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of docs/architecture.md are Biome `noRestrictedImports` overrides in .biome.json. Each case
 * writes a probe file into a checked folder, lints it with the repository's own configuration and expects the
 * rule's message (which says where the code belongs); an allowed import in the same folder must pass.
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const biome = join(repoRoot, 'node_modules/.bin/biome');

function lint(folder: string, source: string, extension = 'ts'): { failed: boolean; output: string } {
  const file = join(repoRoot, folder, `boundary-probe-${process.pid}.${extension}`);
  writeFileSync(file, source);
  try {
    const run = spawnSync(biome, ['lint', '--colors=off', '--max-diagnostics=50', file], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    return { failed: run.status !== 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

const importing = (specifier: string) =>
  `import * as probe from '${specifier}';\nexport const used = probe;\n`;

interface Case {
  folder: string;
  forbidden: string;
  /** A phrase of the rule's message. */
  says: string;
  allowed: string;
  extension?: string;
}

const cases: Case[] = [
  { folder: 'packages/contracts/src', forbidden: '@spark/core', says: 'may import only zod', allowed: 'zod' },
  {
    folder: 'packages/contracts/src',
    forbidden: 'node:fs',
    says: 'may import only zod',
    allowed: './errors.js',
  },
  {
    folder: 'packages/core/src',
    forbidden: 'pg',
    says: 'may import only @spark/contracts',
    allowed: '@spark/contracts',
  },
  {
    folder: 'packages/core/src',
    forbidden: '@spark/db',
    says: 'may import only @spark/contracts',
    allowed: './index.js',
  },
  {
    folder: 'packages/db/src',
    forbidden: '../../../frontend/src/lib/server/env.js',
    says: 'never import one',
    allowed: '@spark/contracts',
  },
  { folder: 'packages/db/src', forbidden: '@spark/worker', says: 'never import one', allowed: 'pg' },
  {
    folder: 'frontend/src/admin',
    forbidden: '../lib/server/env.js',
    says: 'never import lib/server',
    allowed: '@spark/contracts/admin',
    extension: 'tsx',
  },
  {
    folder: 'frontend/src/components',
    forbidden: '../lib/server/connections.js',
    says: 'never import lib/server',
    allowed: '@spark/contracts',
  },
  {
    folder: 'frontend/src/lib/server',
    forbidden: '../../../../worker/src/queues.js',
    says: 'Apps never import each other',
    allowed: '@spark/db',
  },
  {
    folder: 'worker/src',
    forbidden: '../../frontend/src/lib/server/env.js',
    says: 'Apps never import each other',
    allowed: '@spark/core',
  },
  {
    folder: 'directus-extensions/extensions/spark/src',
    forbidden: '../../../../worker/src/queues.js',
    says: 'may use only the @spark/* packages',
    allowed: '@spark/contracts',
  },
  {
    folder: 'worker/src',
    forbidden: '@spark/devstack/src/ports.js',
    says: '`exports` map',
    allowed: '@spark/devstack/ports',
  },
];

describe('import boundaries (Biome noRestrictedImports)', () => {
  for (const { folder, forbidden, says, allowed, extension } of cases) {
    it(`${folder}: refuses ${forbidden}, allows ${allowed}`, () => {
      const refused = lint(folder, importing(forbidden), extension);
      expect(refused.failed, refused.output).toBe(true);
      expect(refused.output).toContain('noRestrictedImports');
      expect(refused.output).toContain(says);
      const accepted = lint(folder, importing(allowed), extension);
      expect(accepted.output).not.toContain('noRestrictedImports');
    });
  }
});
