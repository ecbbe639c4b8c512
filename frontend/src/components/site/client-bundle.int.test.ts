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

/** Secrets whose names are too generic to search for: only their values must never appear. */
function secretValues(): [string, string][] {
  const editors = JSON.parse(process.env.SPARK_TEST_EDITORS ?? '[]') as {
    email: string;
    password?: string;
    token: string;
  }[];
  const databasePassword = new URL(process.env.DATABASE_URL ?? 'postgres://x').password;
  return [
    ['SECRET', process.env.SECRET ?? ''],
    ['KEY', process.env.KEY ?? ''],
    ['ADMIN_PASSWORD', process.env.ADMIN_PASSWORD ?? ''],
    ['the database password', databasePassword],
    ...editors.flatMap((e): [string, string][] => [
      [`${e.email}'s token`, e.token],
      [`${e.email}'s password`, e.password ?? ''],
    ]),
  ];
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

  it('include the admin app, and neither it nor any other chunk holds a credential or server-only code', () => {
    const files = filesUnder(clientDir).filter((file) => file.endsWith('.js'));
    const admin = files.filter((file) => /AdminApp\.[\w-]+\.js$/.test(file));
    // The island's entry may be a one-line facade over the chunk that holds the app (Rollup adds one when a
    // lazily loaded admin module shares that chunk), so at least one file, and every one of them is checked below.
    expect(admin.length, 'the admin app shell is part of the client build').toBeGreaterThan(0);
    const values = secretValues();
    expect(
      values.filter(([, value]) => value.length >= 8).length,
      'secrets to look for',
    ).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const content = readFileSync(file, 'latin1');
      for (const [name, value] of values) {
        if (value.length >= 8) expect(content.includes(value), `${name} in ${file}`).toBe(false);
      }
      // Server modules would drag these in; the admin talks to the API with its cookie instead.
      for (const marker of [
        'DATABASE_URL',
        'REDIS_URL',
        'DIRECTUS_INTERNAL_URL',
        'refresh_token',
        'spark_session=',
      ]) {
        expect(content.includes(marker), `${marker} in ${file}`).toBe(false);
      }
    }
  });
});
