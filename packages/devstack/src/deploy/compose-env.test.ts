import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeEnvEntries, renderEnv } from '../compose-env.mjs';
import { parseEnvFile } from '../env-file.js';
import {
  type ComposeFile,
  compose,
  interpolateTree,
  REQUIRED_VARIABLES,
  repoRoot,
  SECRET_NAME,
} from './deploy-files.js';

const generated = (options = {}) => parseEnvFile(renderEnv(composeEnvEntries(options)));

describe('the generated compose .env', () => {
  it('sets every variable compose requires, so `docker compose up` starts with it as written', () => {
    const env = generated();
    for (const name of REQUIRED_VARIABLES) expect(env[name], name).toMatch(/\S/);
    const resolved = interpolateTree(compose, env) as ComposeFile;
    expect(new URL(resolved.services.frontend?.environment?.DATABASE_URL ?? '').password).toBe(
      env.POSTGRES_PASSWORD,
    );
  });

  it('draws every secret fresh, long enough for the apps (at least 16 characters) and URL-safe', () => {
    const [first, second] = [generated(), generated()];
    const secrets = Object.keys(first).filter((name) => SECRET_NAME.test(name) && name !== 'GOD_MODE_TOKEN');
    expect(secrets).toEqual(
      expect.arrayContaining(['POSTGRES_PASSWORD', 'DIRECTUS_ADMIN_TOKEN', 'SECRET', 'KEY']),
    );
    for (const name of secrets) {
      expect(first[name], name).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(first[name], name).not.toBe(second[name]);
    }
  });

  it('leaves god mode off and the demo out unless asked, without empty values that would fail validation', () => {
    const plain = generated();
    expect(plain.GOD_MODE_TOKEN).toBe('');
    expect(plain.SEED_DEMO).toBe('false');
    expect(plain).not.toHaveProperty('DEMO_EDITOR_PASSWORD');
    const demo = generated({ demo: true });
    expect(demo.SEED_DEMO).toBe('true');
    expect(demo.DEMO_EDITOR_PASSWORD).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(demo.CORS_ORIGIN?.split(',')).toEqual([
      'http://localhost:4321',
      'http://alpha.localhost:4321',
      'http://beta.localhost:4321',
    ]);
  });

  it('serves a real domain over HTTPS', () => {
    const env = generated({ platformHost: 'spark.example.com', tenantOrigins: ['https://a.example'] });
    expect(env).toMatchObject({
      PUBLIC_PLATFORM_HOST: 'spark.example.com',
      PUBLIC_DIRECTUS_URL: 'https://directus.spark.example.com',
      CORS_ORIGIN: 'https://spark.example.com,https://a.example',
    });
  });
});

describe('npm run env:compose', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spark-compose-env-'));
  const out = join(dir, '.env');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts[
    'env:compose'
  ] as string;
  const [command, ...args] = script.split(' ');

  it('writes an owner-only .env and never overwrites one without --force', () => {
    execFileSync(command ?? 'node', [...args, `--out=${out}`, '--demo'], { cwd: repoRoot });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const written = readFileSync(out, 'utf8');
    expect(parseEnvFile(written).SEED_DEMO).toBe('true');
    const again = spawnSync(command ?? 'node', [...args, `--out=${out}`], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe(written);
    writeFileSync(out, 'KEY=old\n');
    execFileSync(command ?? 'node', [...args, `--out=${out}`, '--force'], { cwd: repoRoot });
    expect(parseEnvFile(readFileSync(out, 'utf8')).KEY).not.toBe('old');
  });

  it('rejects an unknown option instead of ignoring it', () => {
    const result = spawnSync(command ?? 'node', [...args, `--out=${out}`, '--hots=x'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--hots=x');
  });
});
