import { describe, expect, it } from 'vitest';
import { generateDevEnv, parseEnvFile } from './env-file.js';

describe('the generated development .env', () => {
  it('contains every required secret with a random value', () => {
    const first = parseEnvFile(generateDevEnv());
    const second = parseEnvFile(generateDevEnv());
    for (const key of ['DIRECTUS_ADMIN_TOKEN', 'GOD_MODE_TOKEN', 'KEY', 'SECRET', 'ADMIN_PASSWORD']) {
      expect(first[key], key).toMatch(/^[A-Za-z0-9_-]{12,}$/);
      expect(first[key]).not.toEqual(second[key]);
    }
    expect(first.DATABASE_URL).not.toEqual(second.DATABASE_URL);
  });

  it('gives docker compose the same database credentials as DATABASE_URL', () => {
    const env = parseEnvFile(generateDevEnv());
    const url = new URL(env.DATABASE_URL ?? '');
    expect(env.POSTGRES_PASSWORD).toBe(decodeURIComponent(url.password));
    expect(env.POSTGRES_USER).toBe(url.username);
    expect(env.POSTGRES_DB).toBe(url.pathname.slice(1));
  });

  it('names the local services', () => {
    const env = parseEnvFile(generateDevEnv());
    expect(new URL(env.DATABASE_URL ?? '').protocol).toBe('postgres:');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PUBLIC_PLATFORM_HOST).toBe('localhost');
  });
});

describe('parseEnvFile', () => {
  it('skips comments and blank lines and unquotes values', () => {
    expect(parseEnvFile('# note\n\nA=1\nB="two words"\nC=\'x=y\'\nbroken\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x=y',
    });
  });

  it('ends an unquoted value at an inline comment, so a commented empty secret stays empty', () => {
    expect(
      parseEnvFile('GOD_MODE_TOKEN=        # leave empty to disable\nPORT=4321 # the port\nHASH=a#b\n'),
    ).toEqual({ GOD_MODE_TOKEN: '', PORT: '4321', HASH: 'a#b' });
  });

  it('keeps quoted text whole, takes escapes in double quotes only, and accepts `export`', () => {
    expect(parseEnvFile('export A="x # not a comment"\nB=\'a\\nb\' # note\nC="line\\nnext"\n')).toEqual({
      A: 'x # not a comment',
      B: 'a\\nb',
      C: 'line\nnext',
    });
  });

  it('reads .env.example with every secret empty, whatever its comments say', async () => {
    const { readFileSync } = await import('node:fs');
    const example = parseEnvFile(readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8'));
    const settings = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line));
    for (const line of settings) expect(line, 'comments go on their own line').not.toMatch(/\s#/);
    for (const [key, value] of Object.entries(example)) {
      expect(value, key).not.toContain('#');
      if (/(TOKEN|SECRET|PASSWORD|^KEY)$/.test(key)) expect(value, key).toBe('');
    }
  });
});
