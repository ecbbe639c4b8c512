import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnvFile } from '../env-file.js';
import { compose, globalArgs, publishedPorts, repoRoot, service } from './deploy-files.js';

/** The README's Docker section is what an operator types: every command, service, path and URL in it must exist. */
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const start = readme.indexOf('## Docker quick start');
const dockerSection = readme.slice(start, readme.indexOf('\n## ', start + 1));
const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

/** Inline code spans and the lines of fenced blocks. */
const commands = [
  ...[...dockerSection.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? ''),
  ...[...dockerSection.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => (m[1] ?? '').split('\n')),
].filter((text) => /^(npm|docker|node|git) /.test(text.trim()) || /&& docker compose/.test(text));

describe("README's Docker section", () => {
  it('generates the env, builds and starts, in that order', () => {
    const generate = dockerSection.indexOf('`npm run env:compose');
    const up = dockerSection.indexOf('`docker compose up -d --build`');
    expect(generate).toBeGreaterThan(-1);
    expect(up).toBeGreaterThan(generate);
  });

  it('names only npm scripts and files that exist', () => {
    const npmRuns = commands.flatMap((c) => [...c.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? ''));
    expect(npmRuns).toContain('env:compose');
    for (const name of npmRuns) expect(scripts[name], `npm run ${name}`).toBeDefined();
    const nodeFiles = commands.flatMap((c) =>
      [...c.matchAll(/\bnode ([\w./-]+\.mjs)/g)].map((m) => m[1] ?? ''),
    );
    expect(nodeFiles).toContain('packages/devstack/bin/compose-env.mjs');
    for (const file of nodeFiles) expect(existsSync(join(repoRoot, file)), file).toBe(true);
    expect(scripts['env:compose']).toBe('node packages/devstack/bin/compose-env.mjs');
  });

  it('runs the env generator with the Node image the Dockerfile builds on', () => {
    const image = /\s(node:[\w.-]+) node packages\/devstack\/bin\/compose-env\.mjs/.exec(dockerSection)?.[1];
    expect(image).toBe(globalArgs.get('NODE_IMAGE'));
  });

  it('addresses only services compose defines, at the paths their volumes use', () => {
    // `exec`/`run`/`logs` name one service (then its command follows); `up`/`stop` name any number.
    const named = commands.flatMap((c) =>
      [...c.matchAll(/docker compose (exec|run|logs|stop|up)\b([^'|&<>]*)/g)].flatMap((m) => {
        const words = (m[2] ?? '').trim().split(/\s+/);
        const operands = words.filter(
          (word, i) =>
            word !== '' &&
            !word.startsWith('-') &&
            words[i - 1] !== '--entrypoint' &&
            words[i - 1] !== '--scale',
        );
        return ['up', 'stop'].includes(m[1] ?? '') ? operands : operands.slice(0, 1);
      }),
    );
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) expect(Object.keys(compose.services), name).toContain(name);
    expect(service('directus').volumes).toContain('directus-uploads:/directus/uploads');
    expect(service('redis').volumes).toContain('redis-data:/data');
    expect(dockerSection).toContain('-C /directus/uploads');
    expect(dockerSection).toContain('-C /data');
    expect(dockerSection).toMatch(/--scale worker=\d/);
  });

  it('opens URLs on the ports compose publishes by default', () => {
    const ports = new Set([...dockerSection.matchAll(/http:\/\/[\w.]+:(\d+)/g)].map((m) => Number(m[1])));
    expect([...ports].sort()).toEqual(
      [publishedPorts('frontend')[0]?.container, publishedPorts('directus')[0]?.container].sort(),
    );
    for (const [name, port] of [
      ['FRONTEND_PORT', 4321],
      ['DIRECTUS_PORT', 8055],
    ] as const) {
      expect(JSON.stringify(compose.services)).toContain(`\${${name}:-${port}}`);
    }
  });

  describe('the generator options it shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-readme-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('are accepted and do what the text says', () => {
      const out = join(dir, 'demo.env');
      execFileSync('node', ['packages/devstack/bin/compose-env.mjs', '--demo', `--out=${out}`], {
        cwd: repoRoot,
      });
      expect(parseEnvFile(readFileSync(out, 'utf8')).SEED_DEMO).toBe('true');
      const hosted = join(dir, 'hosted.env');
      execFileSync(
        'node',
        ['packages/devstack/bin/compose-env.mjs', '--host=spark.example.com', `--out=${hosted}`],
        {
          cwd: repoRoot,
        },
      );
      expect(parseEnvFile(readFileSync(hosted, 'utf8')).PUBLIC_DIRECTUS_URL).toBe(
        'https://directus.spark.example.com',
      );
      expect(dockerSection).toContain('--host=spark.example.com');
      expect(dockerSection).toContain('`--force`');
    });
  });
});
