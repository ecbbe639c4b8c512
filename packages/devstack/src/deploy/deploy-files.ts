import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * The deployment files cannot be exercised here (no Docker engine), so they are checked by construction:
 * docker-compose.yaml against the deployment contract (services, images, ports, health, order), the Dockerfile and .dockerignore against what
 * the services run, and both against each other.
 */

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const devstackRoot = fileURLToPath(new URL('../../', import.meta.url));
export const composePath = join(repoRoot, 'docker-compose.yaml');
export const composeText = readFileSync(composePath, 'utf8');
export const dockerfileText = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
export const dockerignoreLines = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

// ----- compose model ---------------------------------------------------------------------------------------

export interface Healthcheck {
  test: string | string[];
  interval?: string;
}
export interface Build {
  context: string;
  dockerfile?: string;
  target?: string;
  args?: Record<string, string>;
}
export interface Service {
  image?: string;
  build?: Build;
  command?: string[];
  container_name?: string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  env_file?: (string | { path: string; required?: boolean })[] | string;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: Healthcheck;
  labels?: string[];
  networks?: string[];
  restart?: string;
  stop_grace_period?: string;
}
export interface ComposeFile {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  networks: Record<string, unknown>;
}

// `merge: true` resolves the `<<:` keys the file uses to share fragments, as Compose does.
export const compose = parse(composeText, { merge: true }) as ComposeFile;

export function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yaml has no "${name}" service`);
  return found;
}

export function env(name: string): Record<string, string> {
  return service(name).environment ?? {};
}

/** Compose durations as seconds ("1m30s", "5s"). */
export function seconds(duration: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration ?? '');
  if (!duration || !match) throw new Error(`not a simple duration: ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

export function healthcheckCommand(name: string): string {
  const test = service(name).healthcheck?.test;
  if (!test) throw new Error(`${name} has no healthcheck`);
  return Array.isArray(test) ? test.join(' ') : test;
}

/** "127.0.0.1:${X:-5432}:5432" → { host: "127.0.0.1", container: 5432 }. */
export function publishedPorts(name: string): { host: string; container: number }[] {
  return (service(name).ports ?? []).map((spec) => {
    const container = Number(spec.split(':').at(-1));
    const host = spec.split(':')[0] ?? '';
    return { host, container };
  });
}

/** label list → map; the file uses the `key=value` list form throughout. */
export function labels(name: string): Map<string, string> {
  return new Map(
    (service(name).labels ?? []).map((label) => {
      const equals = label.indexOf('=');
      return [label.slice(0, equals), label.slice(equals + 1)] as const;
    }),
  );
}

// ----- Compose variable interpolation (the subset the file may use) ----------------------------------------

export type Env = Record<string, string | undefined>;

/**
 * Compose's `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
 * `${VAR:+alt}`, `${VAR+alt}`. Anything else (nesting included) throws, which keeps the file in a subset that
 * this test can evaluate.
 */
export function interpolate(value: string, vars: Env): string {
  return value.replace(
    /\$(?:(\$)|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_match, dollar: string | undefined, braced: string | undefined, bare: string | undefined) => {
      if (dollar) return '$';
      if (bare) return vars[bare] ?? '';
      const parts = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s.exec(braced ?? '');
      if (!parts || (parts[3] ?? '').includes('$'))
        throw new Error(`unsupported interpolation \${${braced}}`);
      const [, name = '', operator, argument = ''] = parts;
      const current = vars[name];
      const unset = current === undefined;
      const empty = unset || current === '';
      switch (operator) {
        case undefined:
          return current ?? '';
        case ':-':
          return empty ? argument : (current ?? '');
        case '-':
          return unset ? argument : (current ?? '');
        case ':?':
        case '?':
          if (operator === ':?' ? empty : unset) throw new Error(`required variable ${name}: ${argument}`);
          return current ?? '';
        case ':+':
          return empty ? '' : argument;
        default:
          return unset ? '' : argument;
      }
    },
  );
}

export function interpolateTree(node: unknown, vars: Env): unknown {
  if (typeof node === 'string') return interpolate(node, vars);
  if (Array.isArray(node)) return node.map((item) => interpolateTree(item, vars));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, interpolateTree(item, vars)]));
  }
  return node;
}

export function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

/**
 * Every `${NAME…}` reference in the file's values (comments excluded, `$$` escapes skipped) with its operator
 * (`:-`, `:?`, … or '' for none) and the text after it up to the closing brace (a default or an error message).
 */
export const references = strings(parse(composeText)).flatMap((value) =>
  [...value.matchAll(/\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\})/g)]
    .filter((match) => match[1] !== undefined)
    .map((match) => ({ name: match[1] ?? '', operator: match[2] ?? '', fallback: match[3] ?? '' })),
);

export const SECRET_NAME = /(^|_)(TOKEN|SECRET|PASSWORD|KEY)$/;
/** Secrets whose absence turns a feature off instead of stopping the deploy. */
export const OPTIONAL_SECRETS = ['GOD_MODE_TOKEN'];

/** What `.env` must provide: no default exists for these, and `docker compose up` refuses to start without. */
export const REQUIRED_VARIABLES = [
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'CORS_ORIGIN',
  'DIRECTUS_ADMIN_TOKEN',
  'DIRECTUS_READ_TOKEN',
  'KEY',
  'POSTGRES_PASSWORD',
  'SECRET',
];
/** Variables with a harmless default. With REQUIRED_VARIABLES: the README's Docker variable table. */
export const OPTIONAL_VARIABLES = [
  'DIRECTUS_PORT',
  'DIRECTUS_TRUST_PROXY_HOPS',
  'FRONTEND_PORT',
  'GOD_MODE_TOKEN',
  'LOG_LEVEL',
  'MAX_PAYLOAD_SIZE',
  'METRICS_PORT',
  'POSTGRES_DB',
  'POSTGRES_PORT',
  'POSTGRES_USER',
  'PRERENDER_ORIGIN',
  'PUBLIC_DIRECTUS_URL',
  'PUBLIC_PLATFORM_HOST',
  'REDIS_PORT',
  'SEED_DEMO',
  'TENANT_HOSTS_RULE',
  'TRUST_PROXY',
  'WORKER_CONCURRENCY',
  'WORKER_METRICS_PORT',
];

export const sampleEnv: Env = {
  POSTGRES_PASSWORD: 'pg-Secret_0123456789',
  KEY: 'key-0123456789abcdef',
  SECRET: 'secret-0123456789abcdef0123456789',
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'admin-password-0123',
  DIRECTUS_ADMIN_TOKEN: 'admin-token-0123456789abcdef',
  DIRECTUS_READ_TOKEN: 'read-token-0123456789abcdef',
  GOD_MODE_TOKEN: 'god-token-0123456789abcdef',
  CORS_ORIGIN: 'https://spark.example.com,https://alpha.example.com',
};

// ----- Dockerfile model -------------------------------------------------------------------------------------

export interface Instruction {
  keyword: string;
  args: string;
}
export interface Stage {
  from: string;
  name: string;
  instructions: Instruction[];
}

/** Logical instructions (continuations joined, comments and the syntax directive dropped). */
export function dockerInstructions(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  return logical.map((line) => {
    const space = line.indexOf(' ');
    return { keyword: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
  });
}

export const instructions = dockerInstructions(dockerfileText);

/** ARG defaults declared before the first FROM (the only ones a FROM line may use). */
export const globalArgs = new Map<string, string>();
for (const instruction of instructions) {
  if (instruction.keyword === 'FROM') break;
  const [name = '', value = ''] = instruction.args.split('=');
  if (instruction.keyword === 'ARG') globalArgs.set(name, value);
}

export const stages: Stage[] = [];
for (const instruction of instructions) {
  if (instruction.keyword === 'FROM') {
    const [image = '', as, name] = instruction.args.split(/\s+/);
    const from = image.replace(/^\$\{?(\w+)\}?$/, (_m, arg: string) => globalArgs.get(arg) ?? image);
    stages.push({ from, name: as?.toUpperCase() === 'AS' && name ? name : '', instructions: [] });
  } else {
    stages.at(-1)?.instructions.push(instruction);
  }
}

export function stage(name: string): Stage {
  const found = stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`Dockerfile has no "${name}" stage`);
  return found;
}

/** A stage's instructions preceded by those of the stages it builds FROM (what it inherits). */
export function effectiveInstructions(name: string): Instruction[] {
  const own = stage(name);
  const parent = stages.find((candidate) => candidate.name === own.from);
  return [...(parent ? effectiveInstructions(parent.name) : []), ...own.instructions];
}

/** Workspace packages selected by pnpm filters of the form `pkg...` (the package and its workspace deps). */
export function selectedWorkspacePackages(filters: string[]): Set<string> {
  const manifests = new Map<string, Record<string, Record<string, string> | undefined>>();
  // The workspace as pnpm-workspace.yaml declares it (`dir` or `dir/*` entries).
  const workspace = parse(readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')) as {
    packages: string[];
  };
  const dirs = workspace.packages.flatMap((entry) => {
    if (!entry.endsWith('/*')) return [entry];
    const parent = entry.slice(0, -2);
    if (!existsSync(join(repoRoot, parent))) return [];
    return readdirSync(join(repoRoot, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${parent}/${d.name}`);
  });
  for (const dir of dirs) {
    const file = join(repoRoot, dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifests.set(manifest.name, manifest);
  }
  const selected = new Set<string>();
  const visit = (name: string) => {
    if (selected.has(name) || !manifests.has(name)) return;
    selected.add(name);
    const manifest = manifests.get(name);
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      for (const [dependency, range] of Object.entries(manifest?.[field] ?? {})) {
        if (range.startsWith('workspace:')) visit(dependency);
      }
    }
  };
  for (const filter of filters) {
    if (!filter.endsWith('...') || filter.startsWith('!'))
      throw new Error(`unexpected pnpm filter ${filter}`);
    visit(filter.slice(0, -3));
  }
  return selected;
}

// ----- The scripts the Dockerfile runs (scripts/docker/*.sh) -------------------------------------------------

export interface ScriptStep {
  stage: string;
  /** Path relative to the repository root, e.g. scripts/docker/install.sh. */
  script: string;
  /** The arguments the Dockerfile passes, as written (split on whitespace). */
  args: string[];
}

/**
 * Every `sh scripts/docker/<name>.sh …` the Dockerfile runs, in file order, with its stage. The image rehearsal
 * replays exactly these, so a step added to or dropped from the Dockerfile changes what the rehearsal runs.
 */
export const scriptSteps: ScriptStep[] = stages.flatMap((s) =>
  s.instructions
    .filter((i) => i.keyword === 'RUN')
    .flatMap((i) => {
      const match = /(?:^|\s)sh (scripts\/docker\/[a-z-]+\.sh)((?:\s+[^\s&|;]+)*)\s*$/.exec(i.args);
      if (!match?.[1]) return [];
      return [
        { stage: s.name, script: match[1], args: (match[2] ?? '').trim().split(/\s+/).filter(Boolean) },
      ];
    }),
);

export function scriptText(step: Pick<ScriptStep, 'script'>): string {
  return readFileSync(join(repoRoot, step.script), 'utf8');
}

// ----- .dockerignore semantics ------------------------------------------------------------------------------

function dockerPatternRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else source += '.*';
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern that names a folder excludes everything under it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

const dockerignoreRules = dockerignoreLines.map((line) => {
  const include = line.startsWith('!');
  return { include, regex: dockerPatternRegex(line.slice(include ? 1 : 0).replace(/^\//, '')) };
});

/** Whether `docker build` leaves this repository path out of the context (the last matching rule decides). */
export function isDockerIgnored(path: string): boolean {
  let ignored = false;
  for (const rule of dockerignoreRules) if (rule.regex.test(path)) ignored = !rule.include;
  return ignored;
}
