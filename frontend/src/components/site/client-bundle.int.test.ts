import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Everything the browser can download: the client half of the build the test stack runs. */
const clientDir = join(process.env.SPARK_FRONTEND_OUT_DIR ?? 'dist', 'client');
const SECRET_NAMES = ['DIRECTUS_ADMIN_TOKEN', 'DIRECTUS_READ_TOKEN', 'GOD_MODE_TOKEN'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the built client assets', () => {
  it('contain none of the server secrets, by value or by name', () => {
    const secrets = SECRET_NAMES.map((name) => [name, process.env[name] ?? ''] as const);
    for (const [name, value] of secrets)
      expect(value.length, `${name} is set for the test run`).toBeGreaterThan(15);
    const files = filesUnder(clientDir);
    expect(
      files.some((file) => file.endsWith('.js')),
      'the build has client scripts to check',
    ).toBe(true);
    for (const file of files) {
      const content = readFileSync(file, 'latin1');
      for (const [name, value] of secrets) {
        expect(content.includes(value), `${name}'s value in ${file}`).toBe(false);
        expect(content.includes(name), `${name} referenced in ${file}`).toBe(false);
      }
    }
  });
});
