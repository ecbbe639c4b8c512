import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_DIR, listSchemaFiles } from './schema.js';

const dirs: string[] = [];

async function dirWith(...names: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'spark-schema-'));
  dirs.push(dir);
  await Promise.all(names.map((name) => writeFile(path.join(dir, name), '-- test\n')));
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('listSchemaFiles', () => {
  it('orders batch files by their number whatever order the directory lists them in', async () => {
    const dir = await dirWith('300_roof.sql', '000_extensions.sql', '200_walls.sql', '100_foundation.sql');
    expect(await listSchemaFiles(dir)).toEqual([
      '000_extensions.sql',
      '100_foundation.sql',
      '200_walls.sql',
      '300_roof.sql',
    ]);
  });

  it('ignores files that are not SQL', async () => {
    const dir = await dirWith('100_foundation.sql', 'README.md');
    expect(await listSchemaFiles(dir)).toEqual(['100_foundation.sql']);
  });

  it('refuses two files with the same number because their order would be ambiguous', async () => {
    const dir = await dirWith('100_foundation.sql', '100_more.sql');
    await expect(listSchemaFiles(dir)).rejects.toThrow(/share the number\(s\) 100/);
  });

  it('refuses a SQL file without a batch number instead of silently skipping it', async () => {
    const dir = await dirWith('100_foundation.sql', 'extra.sql');
    await expect(listSchemaFiles(dir)).rejects.toThrow(/rename extra\.sql/);
  });

  it('refuses a directory with no schema files, which means a wrong path', async () => {
    const dir = await dirWith('README.md');
    await expect(listSchemaFiles(dir)).rejects.toThrow(/no NNN_name\.sql schema files/);
  });

  it('finds the repository schema by default, extensions first and roof last', async () => {
    const files = await listSchemaFiles();
    expect(DEFAULT_SCHEMA_DIR.endsWith(`${path.sep}database`)).toBe(true);
    expect(files[0]).toBe('000_extensions.sql');
    expect(files.at(-1)).toBe('300_roof.sql');
  });
});
