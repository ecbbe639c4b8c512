import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The deployment files cannot be exercised here (no Docker engine), so they are checked by construction:
 * docker-compose.yaml against the SPEC's Deploy row and the seed, the Dockerfile and .dockerignore against what
 * the services run, and both against each other.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const devstackRoot = fileURLToPath(new URL('../', import.meta.url));
const composePath = join(repoRoot, 'docker-compose.yaml');
const composeText = readFileSync(composePath, 'utf8');
const dockerfileText = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const dockerignoreLines = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

// ----- compose model ---------------------------------------------------------------------------------------

interface Healthcheck {
  test: string | string[];
  interval?: string;
}
interface Build {
  context: string;
  dockerfile?: string;
  target?: string;
  args?: Record<string, string>;
}
interface Service {
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
interface ComposeFile {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  networks: Record<string, unknown>;
}

// `merge: true` resolves the `<<:` keys the file uses to share fragments, as Compose does.
const compose = parse(composeText, { merge: true }) as ComposeFile;

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yaml has no "${name}" service`);
  return found;
}

function env(name: string): Record<string, string> {
  return service(name).environment ?? {};
}

/** Compose durations as seconds ("1m30s", "5s"). */
function seconds(duration: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration ?? '');
  if (!duration || !match) throw new Error(`not a simple duration: ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

function healthcheckCommand(name: string): string {
  const test = service(name).healthcheck?.test;
  if (!test) throw new Error(`${name} has no healthcheck`);
  return Array.isArray(test) ? test.join(' ') : test;
}

/** "127.0.0.1:${X:-5432}:5432" → { host: "127.0.0.1", container: 5432 }. */
function publishedPorts(name: string): { host: string; container: number }[] {
  return (service(name).ports ?? []).map((spec) => {
    const container = Number(spec.split(':').at(-1));
    const host = spec.split(':')[0] ?? '';
    return { host, container };
  });
}

/** label list → map; the file uses the `key=value` list form throughout. */
function labels(name: string): Map<string, string> {
  return new Map(
    (service(name).labels ?? []).map((label) => {
      const equals = label.indexOf('=');
      return [label.slice(0, equals), label.slice(equals + 1)] as const;
    }),
  );
}

// ----- Compose variable interpolation (the subset the file may use) ----------------------------------------

type Env = Record<string, string | undefined>;

/**
 * Compose's `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`,
 * `${VAR:+alt}`, `${VAR+alt}`. Anything else (nesting included) throws, which keeps the file in a subset that
 * this test can evaluate.
 */
function interpolate(value: string, vars: Env): string {
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

function interpolateTree(node: unknown, vars: Env): unknown {
  if (typeof node === 'string') return interpolate(node, vars);
  if (Array.isArray(node)) return node.map((item) => interpolateTree(item, vars));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, interpolateTree(item, vars)]));
  }
  return node;
}

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

/**
 * Every `${NAME…}` reference in the file's values (comments excluded, `$$` escapes skipped) with its operator:
 * `:-`, `:?`, … or '' for none.
 */
const references = strings(parse(composeText)).flatMap((value) =>
  [...value.matchAll(/\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?)/g)]
    .filter((match) => match[1] !== undefined)
    .map((match) => ({ name: match[1] ?? '', operator: match[2] ?? '' })),
);

const SECRET_NAME = /(^|_)(TOKEN|SECRET|PASSWORD|KEY)$/;

/** What `.env` must provide: no default exists for these, and `docker compose up` refuses to start without. */
const REQUIRED_VARIABLES = [
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'CORS_ORIGIN',
  'DIRECTUS_ADMIN_TOKEN',
  'DIRECTUS_READ_TOKEN',
  'GOD_MODE_TOKEN',
  'KEY',
  'POSTGRES_PASSWORD',
  'SECRET',
];
/** Variables with a harmless default. With REQUIRED_VARIABLES: the README's Docker variable table. */
const OPTIONAL_VARIABLES = [
  'DIRECTUS_PORT',
  'FRONTEND_PORT',
  'MAX_PAYLOAD_SIZE',
  'POSTGRES_DB',
  'POSTGRES_PORT',
  'POSTGRES_USER',
  'PUBLIC_DIRECTUS_URL',
  'PUBLIC_PLATFORM_HOST',
  'REDIS_PORT',
  'SEED_DEMO',
  'TENANT_HOSTS_RULE',
  'WORKER_CONCURRENCY',
];

const sampleEnv: Env = {
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

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name: string;
  instructions: Instruction[];
}

/** Logical instructions (continuations joined, comments and the syntax directive dropped). */
function dockerInstructions(text: string): Instruction[] {
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

const instructions = dockerInstructions(dockerfileText);

/** ARG defaults declared before the first FROM (the only ones a FROM line may use). */
const globalArgs = new Map<string, string>();
for (const instruction of instructions) {
  if (instruction.keyword === 'FROM') break;
  const [name = '', value = ''] = instruction.args.split('=');
  if (instruction.keyword === 'ARG') globalArgs.set(name, value);
}

const stages: Stage[] = [];
for (const instruction of instructions) {
  if (instruction.keyword === 'FROM') {
    const [image = '', as, name] = instruction.args.split(/\s+/);
    const from = image.replace(/^\$\{?(\w+)\}?$/, (_m, arg: string) => globalArgs.get(arg) ?? image);
    stages.push({ from, name: as?.toUpperCase() === 'AS' && name ? name : '', instructions: [] });
  } else {
    stages.at(-1)?.instructions.push(instruction);
  }
}

function stage(name: string): Stage {
  const found = stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`Dockerfile has no "${name}" stage`);
  return found;
}

/** A stage's instructions preceded by those of the stages it builds FROM (what it inherits). */
function effectiveInstructions(name: string): Instruction[] {
  const own = stage(name);
  const parent = stages.find((candidate) => candidate.name === own.from);
  return [...(parent ? effectiveInstructions(parent.name) : []), ...own.instructions];
}

/** Workspace packages selected by pnpm filters of the form `pkg...` (the package and its workspace deps). */
function selectedWorkspacePackages(filters: string[]): Set<string> {
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

// ===== tests ================================================================================================

describe('docker-compose.yaml: services, images and ports (SPEC §1 Deploy, seed §7.1)', () => {
  it('defines the seed services, the worker and the one-shot setup', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['directus', 'frontend', 'postgresql', 'redis', 'setup', 'worker'].sort(),
    );
  });

  it('uses the seed images, Directus pinned within major 11', () => {
    expect(service('postgresql').image).toBe('postgis/postgis:16-3.4-alpine');
    expect(service('redis').image).toBe('redis:7-alpine');
    expect(service('directus').image).toMatch(/^directus\/directus:11(\.\d+){0,2}$/);
  });

  it('builds frontend, worker and setup from the repository Dockerfile', () => {
    expect(service('frontend').build).toMatchObject({
      context: '.',
      dockerfile: 'Dockerfile',
      target: 'frontend',
    });
    expect(service('worker').build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', target: 'app' });
    expect(service('setup').build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', target: 'app' });
    for (const name of ['frontend', 'worker', 'setup']) expect(service(name).image, name).toBeUndefined();
  });

  it('publishes the seed ports, on loopback only', () => {
    const expected: Record<string, number> = {
      postgresql: 5432,
      redis: 6379,
      directus: 8055,
      frontend: 4321,
    };
    for (const [name, port] of Object.entries(expected)) {
      expect(
        publishedPorts(name).map((p) => p.container),
        name,
      ).toEqual([port]);
      // Redis has no password and Postgres/Directus speak plain TCP/HTTP: never bind 0.0.0.0 by default.
      expect(
        publishedPorts(name).map((p) => p.host),
        name,
      ).toEqual(['127.0.0.1']);
    }
  });

  it('keeps every service scalable and restartable by name: no container_name anywhere', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      expect(definition.container_name, name).toBeUndefined();
    }
  });

  it('puts every service on the one network', () => {
    const networks = Object.keys(compose.networks);
    expect(networks).toHaveLength(1);
    for (const [name, definition] of Object.entries(compose.services)) {
      expect(definition.networks, name).toEqual(networks);
    }
  });
});

describe('docker-compose.yaml: volumes', () => {
  it('declares the seed named volumes and mounts each where its data lives', () => {
    expect(Object.keys(compose.volumes).sort()).toEqual([
      'directus-uploads',
      'postgres-data-fresh',
      'redis-data',
    ]);
    expect(service('postgresql').volumes).toContain('postgres-data-fresh:/var/lib/postgresql/data');
    expect(service('redis').volumes).toContain('redis-data:/data');
    expect(service('directus').volumes).toContain('directus-uploads:/directus/uploads');
  });

  it('mounts the built Directus extensions read-only', () => {
    expect(service('directus').volumes).toContain('./directus-extensions/extensions:/directus/extensions:ro');
    expect(env('directus').EXTENSIONS_PATH).toBe('/directus/extensions');
  });

  it('uses only declared named volumes (no anonymous or misspelled ones)', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      for (const mount of definition.volumes ?? []) {
        const source = mount.split(':')[0] ?? '';
        if (source.startsWith('.') || source.startsWith('/')) continue;
        expect(Object.keys(compose.volumes), `${name}: ${mount}`).toContain(source);
      }
    }
  });
});

describe('docker-compose.yaml: health and start order', () => {
  it('checks PostgreSQL with pg_isready every 5s, over TCP so first-run init is not mistaken for ready', () => {
    expect(healthcheckCommand('postgresql')).toContain('pg_isready');
    expect(healthcheckCommand('postgresql')).toContain('-h 127.0.0.1');
    expect(seconds(service('postgresql').healthcheck?.interval)).toBe(5);
  });

  it('checks Redis with redis-cli ping every 5s', () => {
    expect(healthcheckCommand('redis')).toContain('redis-cli ping');
    expect(seconds(service('redis').healthcheck?.interval)).toBe(5);
  });

  it('checks Directus on /server/health every 10s', () => {
    expect(healthcheckCommand('directus')).toContain('/server/health');
    expect(seconds(service('directus').healthcheck?.interval)).toBe(10);
  });

  it('checks the frontend on /api/health', () => {
    expect(healthcheckCommand('frontend')).toContain(':4321/api/health');
  });

  it('gives every depends_on entry a condition the dependency can meet', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      const dependsOn = definition.depends_on ?? {};
      expect(Array.isArray(dependsOn), `${name}: depends_on must be a map with conditions`).toBe(false);
      for (const [dependency, options] of Object.entries(dependsOn)) {
        const condition = (options as { condition?: string }).condition;
        expect(condition, `${name} → ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') {
          expect(service(dependency).healthcheck, `${dependency} needs a healthcheck`).toBeDefined();
        }
        if (condition === 'service_completed_successfully') {
          expect(service(dependency).restart, `${dependency} must be one-shot`).toBe('no');
        }
      }
    }
  });

  it('starts in the order postgresql, redis → directus → setup → frontend, worker', () => {
    const conditions = (name: string) =>
      Object.fromEntries(
        Object.entries(service(name).depends_on ?? {}).map(([dependency, options]) => [
          dependency,
          (options as { condition?: string }).condition,
        ]),
      );
    expect(conditions('directus')).toEqual({ postgresql: 'service_healthy', redis: 'service_healthy' });
    expect(conditions('setup')).toMatchObject({ directus: 'service_healthy' });
    expect(conditions('frontend')).toMatchObject({
      setup: 'service_completed_successfully',
      directus: 'service_healthy',
      redis: 'service_healthy',
    });
    expect(conditions('worker')).toMatchObject({
      setup: 'service_completed_successfully',
      redis: 'service_healthy',
      postgresql: 'service_healthy',
    });
  });
});

describe('docker-compose.yaml: service configuration', () => {
  it('runs Redis append-only', () => {
    expect(service('redis').command?.join(' ')).toContain('--appendonly yes');
  });

  it('configures Directus as SPEC and seed describe', () => {
    const directus = env('directus');
    expect(directus.DB_CLIENT).toBe('pg');
    expect(directus.DB_CONNECTION_STRING ?? directus.DB_HOST).toContain('postgresql');
    for (const key of ['KEY', 'SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'GOD_MODE_TOKEN', 'CORS_ORIGIN']) {
      expect(directus[key], key).toMatch(new RegExp(`^\\$\\{${key}:\\?`));
    }
    expect(directus.ADMIN_TOKEN).toMatch(/^\$\{DIRECTUS_ADMIN_TOKEN:\?/);
    expect(directus.PUBLIC_URL).toMatch(/^\$\{PUBLIC_DIRECTUS_URL\b/);
    expect(directus).toMatchObject({
      CACHE_ENABLED: 'false',
      SYNCHRONIZATION_STORE: 'redis',
      REDIS: 'redis://redis:6379',
      CORS_ENABLED: 'true',
      TELEMETRY: 'false',
      WEBSOCKETS_ENABLED: 'false',
      STORAGE_LOCAL_ROOT: '/directus/uploads',
    });
    expect(directus.MAX_PAYLOAD_SIZE).toBeDefined();
  });

  it('runs setup once, with what packages/setup/src/cli.ts reads', () => {
    const setup = service('setup');
    expect(setup.restart).toBe('no');
    expect(setup.command).toEqual(['node', '--import', 'tsx', 'packages/setup/src/cli.ts']);
    expect(existsSync(join(repoRoot, 'packages/setup/src/cli.ts'))).toBe(true);
    const cli = readFileSync(join(repoRoot, 'packages/setup/src/cli.ts'), 'utf8');
    const required = [
      'DATABASE_URL',
      'DIRECTUS_INTERNAL_URL',
      'DIRECTUS_ADMIN_TOKEN',
      'DIRECTUS_READ_TOKEN',
      'ADMIN_EMAIL',
      'SECRET',
      'SEED_DEMO',
    ];
    for (const key of required) {
      expect(cli, `cli.ts no longer reads ${key}`).toContain(`${key}:`);
      expect(env('setup')[key], key).toBeDefined();
    }
    expect(env('setup').DIRECTUS_INTERNAL_URL).toBe('http://directus:8055');
  });

  it('points the frontend at the compose services and listens on 0.0.0.0:4321', () => {
    const frontend = service('frontend');
    const envFiles = [frontend.env_file ?? []]
      .flat()
      .map((entry) => (typeof entry === 'string' ? entry : entry.path));
    expect(envFiles).toContain('.env');
    expect(env('frontend')).toMatchObject({
      DIRECTUS_INTERNAL_URL: 'http://directus:8055',
      REDIS_URL: 'redis://redis:6379',
      HOST: '0.0.0.0',
      PORT: '4321',
    });
    expect(env('frontend').DATABASE_URL).toContain('@postgresql:5432/');
  });

  it('runs the worker as a scalable, draining BullMQ process', () => {
    const worker = service('worker');
    expect(worker.command).toEqual(['node', '--import', 'tsx', 'worker/src/main.ts']);
    expect(existsSync(join(repoRoot, 'worker/src/main.ts'))).toBe(true);
    expect(worker.ports).toBeUndefined();
    expect(worker.container_name).toBeUndefined();
    expect(seconds(worker.stop_grace_period)).toBeGreaterThanOrEqual(30);
    expect(env('worker')).toMatchObject({ REDIS_URL: 'redis://redis:6379' });
    expect(env('worker').DATABASE_URL).toContain('@postgresql:5432/');
  });
});

describe('docker-compose.yaml: Coolify and Traefik labels on the frontend', () => {
  const frontend = labels('frontend');

  it('carries the Coolify labels', () => {
    expect(frontend.get('coolify.managed')).toBe('true');
    expect(frontend.get('coolify.name')).toBeTruthy();
    expect(frontend.get('coolify.fqdn')).toContain('PUBLIC_PLATFORM_HOST');
    expect(frontend.get('coolify.port')).toBe('4321');
  });

  it('routes the platform host and, at lowest priority, any tenant host to port 4321', () => {
    expect(frontend.get('traefik.enable')).toBe('true');
    const services = [...frontend.keys()]
      .map((key) => /^traefik\.http\.services\.([^.]+)\.loadbalancer\.server\.port$/.exec(key))
      .filter((match) => match !== null);
    expect(services).toHaveLength(1);
    const serviceName = services[0]?.[1] ?? '';
    expect(frontend.get(`traefik.http.services.${serviceName}.loadbalancer.server.port`)).toBe('4321');

    const routers = new Set(
      [...frontend.keys()].flatMap((key) => /^traefik\.http\.routers\.([^.]+)\./.exec(key)?.[1] ?? []),
    );
    const rules = [...routers].map((router) => frontend.get(`traefik.http.routers.${router}.rule`) ?? '');
    expect(rules.some((rule) => rule.includes('Host(`${PUBLIC_PLATFORM_HOST'))).toBe(true);
    expect(rules.some((rule) => rule.includes('HostRegexp('))).toBe(true);
    for (const router of routers) {
      expect(frontend.get(`traefik.http.routers.${router}.service`), router).toBe(serviceName);
      expect(frontend.get(`traefik.http.routers.${router}.entrypoints`), router).toMatch(/^https?$/);
      const rule = frontend.get(`traefik.http.routers.${router}.rule`) ?? '';
      // The catch-all must never shadow the platform host (or other apps on the same proxy).
      if (rule.includes('HostRegexp('))
        expect(frontend.get(`traefik.http.routers.${router}.priority`)).toBe('1');
      if (frontend.get(`traefik.http.routers.${router}.entrypoints`) === 'https') {
        expect(frontend.get(`traefik.http.routers.${router}.tls`), router).toBe('true');
      }
    }
  });
});

describe('docker-compose.yaml: variables and secrets', () => {
  it('never gives a secret a default value', () => {
    const secrets = references.filter((reference) => SECRET_NAME.test(reference.name));
    expect(secrets.length).toBeGreaterThan(0);
    for (const reference of secrets) {
      expect(reference.operator, `\${${reference.name}} must be required with :?`).toBe(':?');
    }
  });

  it('never writes a secret value literally', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(definition.environment ?? {})) {
        if (!SECRET_NAME.test(key)) continue;
        expect(String(value), `${name}.${key}`).toMatch(/^\$\{[A-Z0-9_]+:\?[^}]*\}$/);
      }
    }
  });

  it('reads exactly the documented variables, and requires exactly the secrets and identities', () => {
    const names = [...new Set(references.map((reference) => reference.name))].sort();
    expect(names).toEqual([...REQUIRED_VARIABLES, ...OPTIONAL_VARIABLES].sort());
    const required = [...new Set(references.filter((r) => r.operator === ':?').map((r) => r.name))].sort();
    expect(required).toEqual(REQUIRED_VARIABLES);
    // A variable is either always required or always defaulted, never both in different places.
    expect(
      references.filter((r) => REQUIRED_VARIABLES.includes(r.name)).every((r) => r.operator === ':?'),
    ).toBe(true);
  });

  it('refuses to start when any required variable is missing', () => {
    for (const name of REQUIRED_VARIABLES) {
      const vars = { ...sampleEnv, [name]: undefined };
      expect(() => interpolateTree(compose, vars), name).toThrow(`required variable ${name}`);
    }
  });

  it('resolves to working internal URLs from a complete .env', () => {
    const resolved = interpolateTree(compose, sampleEnv) as ComposeFile;
    for (const name of ['setup', 'frontend', 'worker']) {
      const url = new URL(resolved.services[name]?.environment?.DATABASE_URL ?? '');
      expect(url.protocol, name).toBe('postgres:');
      expect(url.hostname, name).toBe('postgresql');
      expect(url.port, name).toBe('5432');
      expect(url.username, name).toBe('spark');
      expect(decodeURIComponent(url.password), name).toBe(sampleEnv.POSTGRES_PASSWORD);
      expect(url.pathname, name).toBe('/spark');
    }
    expect(resolved.services.directus?.environment?.DB_CONNECTION_STRING).toBe(
      resolved.services.frontend?.environment?.DATABASE_URL,
    );
    expect(resolved.services.directus?.environment?.ADMIN_TOKEN).toBe(sampleEnv.DIRECTUS_ADMIN_TOKEN);
    expect(resolved.services.postgresql?.ports).toEqual(['127.0.0.1:5432:5432']);
    // `$$` reaches the container as `$`, for the container's own shell to expand.
    expect(resolved.services.postgresql?.healthcheck?.test[1]).toMatch(/-U "\$\{POSTGRES_USER\}"/);
    const tenants = new Map(
      (resolved.services.frontend?.labels ?? []).map((l) => l.split(/=(.*)/s) as [string, string]),
    );
    expect(tenants.get('traefik.http.routers.spark-tenants.rule')).toBe('HostRegexp(`.+`)');
    expect(tenants.get('traefik.http.routers.spark-platform.rule')).toBe('Host(`localhost`)');
  });
});

describe('Dockerfile', () => {
  it('has the deps, build, app and frontend stages on node:20-bookworm-slim', () => {
    const names = stages.map((s) => s.name);
    for (const name of ['deps', 'build', 'app', 'frontend']) expect(names).toContain(name);
    expect(stage('frontend').from).toBe('app');
    expect(stage('build').from).toBe('deps');
    for (const s of stages) {
      if (!names.includes(s.from)) expect(s.from, `stage ${s.name}`).toBe('node:20-bookworm-slim');
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
    const installs = instructions.filter((i) => i.keyword === 'RUN' && /\bpnpm install\b/.test(i.args));
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

  it('builds the frontend and starts its standalone server, exposing 4321 with a healthcheck', () => {
    const build = stage('build')
      .instructions.filter((i) => i.keyword === 'RUN')
      .map((i) => i.args);
    expect(build).toContain('pnpm --filter @spark/frontend build');
    const frontend = stage('frontend').instructions;
    expect(frontend.find((i) => i.keyword === 'CMD')?.args).toBe(
      '["node", "frontend/dist/server/entry.mjs"]',
    );
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

describe('docker-compose.yaml against the Compose specification (dclint)', () => {
  // Schema validation plus dclint's security and best-practice rules; its style rules (key and service order)
  // are off because the file is ordered for reading, by start order and concern.
  const STYLE_RULES = [
    'no-quotes-in-volumes',
    'service-dependencies-alphabetical-order',
    'service-keys-order',
    'service-ports-alphabetical-order',
    'services-alphabetical-order',
    'top-level-properties-order',
  ];
  // DCLINT_BIN only lets a machine without the devDependency point at another install.
  const dclint = process.env.DCLINT_BIN ?? join(devstackRoot, 'node_modules/.bin/dclint');

  function runDclint(file: string): { status: number; output: string } {
    try {
      const output = execFileSync(
        dclint,
        [file, '--color', 'false', '--max-warnings', '0', '--disable-rule', ...STYLE_RULES],
        { encoding: 'utf8', stdio: 'pipe' },
      );
      return { status: 0, output };
    } catch (error) {
      const failure = error as { status?: number; stdout?: string; stderr?: string; message: string };
      return {
        status: failure.status ?? -1,
        output: `${failure.stdout ?? ''}${failure.stderr ?? failure.message}`,
      };
    }
  }

  it('is installed (devDependency "dclint" of @spark/devstack)', () => {
    expect(existsSync(dclint), `${dclint} is missing: run pnpm install`).toBe(true);
  });

  it('validates docker-compose.yaml', () => {
    const result = runDclint(composePath);
    expect(result.status, result.output).toBe(0);
  });

  it('rejects a file that breaks the schema (so the check above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-compose-'));
    try {
      const broken = join(dir, 'docker-compose.yaml');
      writeFileSync(
        broken,
        composeText.replace('condition: service_completed_successfully', 'condition: when_it_feels_like_it'),
      );
      const result = runDclint(broken);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('invalid-schema');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
