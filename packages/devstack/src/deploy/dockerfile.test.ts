import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compose,
  dockerfileText,
  dockerignoreLines,
  effectiveInstructions,
  instructions,
  repoRoot,
  selectedWorkspacePackages,
  stage,
  stages,
} from './deploy-files.js';

describe('Dockerfile', () => {
  it('has the deps, build, app and frontend stages on node:20-bookworm-slim', () => {
    const names = stages.map((s) => s.name);
    for (const name of ['deps', 'build', 'app', 'frontend']) expect(names).toContain(name);
    expect(stage('frontend').from).toBe('app');
    expect(stage('build').from).toBe('deps');
    for (const s of stages) {
      if (!names.includes(s.from) && s.name !== 'directus')
        expect(s.from, `stage ${s.name}`).toBe('node:20-bookworm-slim');
    }
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
    const installs = stages
      .filter((s) => s.name !== 'directus-extensions')
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'RUN' && /\bpnpm install\b/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) {
      expect(install.args).toContain('--frozen-lockfile');
      const filters = [...install.args.matchAll(/--filter[= ]"?([^"\s]+)"?/g)].map((m) => m[1] ?? '');
      expect(filters.length, install.args).toBeGreaterThan(0);
      const selected = selectedWorkspacePackages(filters);
      for (const needed of [
        '@spark/frontend',
        '@spark/worker',
        '@spark/setup',
        '@spark/db',
        '@spark/contracts',
      ]) {
        expect(selected.has(needed), `${needed} not installed by: ${install.args}`).toBe(true);
      }
      expect(selected.has('@spark/directus')).toBe(false);
    }
  });

  it('builds the frontend and worker bundles and starts the frontend server, exposing 4321 with a healthcheck', () => {
    const build = stage('build')
      .instructions.filter((i) => i.keyword === 'RUN')
      .map((i) => i.args);
    expect(build).toContain('pnpm --filter @spark/frontend --filter @spark/worker build');
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
    for (const name of ['app', 'frontend']) {
      const users = effectiveInstructions(name).filter((i) => i.keyword === 'USER');
      expect(users.at(-1)?.args, name).toBe('node');
      expect(
        effectiveInstructions(name).some((i) => i.keyword === 'ENV' && /NODE_ENV=production/.test(i.args)),
      ).toBe(true);
    }
  });

  it('ships what the runtime reads: SQL schema, worker and package sources, the built frontend', () => {
    const copies = stage('app')
      .instructions.filter((i) => i.keyword === 'COPY')
      .map((i) => i.args);
    for (const expected of ['database ./database', 'worker ./worker', 'packages ./packages']) {
      expect(copies, expected).toContain(expected);
    }
    expect(copies.some((c) => c.includes('--from=build') && c.includes('frontend/dist'))).toBe(true);
    expect(copies).toContain('--from=build /app/worker/dist ./worker/dist');
    expect(stage('app').instructions.find((i) => i.keyword === 'CMD')?.args).toBe(
      '["node", "worker/dist/main.mjs"]',
    );
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
});
