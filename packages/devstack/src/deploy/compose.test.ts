import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ComposeFile,
  compose,
  composePath,
  composeText,
  devstackRoot,
  env,
  healthcheckCommand,
  interpolateTree,
  labels,
  OPTIONAL_SECRETS,
  OPTIONAL_VARIABLES,
  publishedPorts,
  REQUIRED_VARIABLES,
  references,
  repoRoot,
  SECRET_NAME,
  sampleEnv,
  seconds,
  service,
} from './deploy-files.js';

describe('docker-compose.yaml: services, images and ports', () => {
  it('defines the seed services, the worker and the one-shot setup', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['directus', 'frontend', 'postgresql', 'redis', 'setup', 'worker'].sort(),
    );
  });

  it('uses the seed images, and builds Directus from the Dockerfile (official image plus our extensions)', () => {
    expect(service('postgresql').image).toBe('postgis/postgis:16-3.4-alpine');
    expect(service('redis').image).toBe('redis:7-alpine');
    expect(service('directus').build).toMatchObject({
      context: '.',
      dockerfile: 'Dockerfile',
      target: 'directus',
    });
    expect(service('directus').image).toBeUndefined();
  });

  it('builds frontend, worker and setup from the repository Dockerfile', () => {
    expect(service('frontend').build).toMatchObject({
      context: '.',
      dockerfile: 'Dockerfile',
      target: 'frontend',
    });
    expect(service('worker').build).toMatchObject({
      context: '.',
      dockerfile: 'Dockerfile',
      target: 'worker',
    });
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

  it('needs no host build: nothing from the working tree is mounted into Directus', () => {
    expect((service('directus').volumes ?? []).filter((mount) => mount.startsWith('.'))).toEqual([]);
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

  it('checks the worker by the age of its heartbeat file, with the file the worker writes', () => {
    expect(healthcheckCommand('worker')).toBe('CMD node worker/dist/healthcheck.mjs');
    expect(env('worker').WORKER_HEARTBEAT_FILE).toMatch(/^\/tmp\//);
    expect(readFileSync(join(repoRoot, 'worker/package.json'), 'utf8')).toContain(
      'src/liveness/healthcheck.ts',
    );
  });

  it('gives every long-running service a healthcheck (setup runs once and is awaited by its exit code)', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      if (definition.restart === 'no') continue;
      expect(definition.healthcheck, name).toBeDefined();
    }
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

  it('configures Directus on PostgreSQL and Redis with its secrets required and its data cache off', () => {
    const directus = env('directus');
    expect(directus.DB_CLIENT).toBe('pg');
    expect(directus.DB_CONNECTION_STRING ?? directus.DB_HOST).toContain('postgresql');
    for (const key of ['KEY', 'SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'CORS_ORIGIN']) {
      expect(directus[key], key).toMatch(new RegExp(`^\\$\\{${key}:\\?`));
    }
    // God mode is optional, as the README says: an unset token disables the routes instead of failing the deploy.
    expect(directus.GOD_MODE_TOKEN).toMatch(/^\$\{GOD_MODE_TOKEN:-\}$/);
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
    // The bundle `pnpm --filter @spark/setup build` makes from cli.ts (scripts/docker/build.sh).
    expect(setup.command).toEqual(['node', 'packages/setup/dist/cli.mjs']);
    expect(readFileSync(join(repoRoot, 'packages/setup/package.json'), 'utf8')).toContain(
      'src/cli.ts dist/cli.mjs',
    );
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
    // The bundle the image's build stage makes from worker/src/main.ts (`pnpm --filter @spark/worker build`).
    expect(worker.command).toEqual(['node', 'worker/dist/main.mjs']);
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
  it('never gives a secret a default value (an optional secret defaults to empty, which disables its feature)', () => {
    const secrets = references.filter((reference) => SECRET_NAME.test(reference.name));
    expect(secrets.length).toBeGreaterThan(0);
    for (const reference of secrets) {
      if (OPTIONAL_SECRETS.includes(reference.name)) {
        expect(reference.operator, reference.name).toBe(':-');
        expect(reference.fallback, reference.name).toBe('');
        continue;
      }
      expect(reference.operator, `\${${reference.name}} must be required with :?`).toBe(':?');
    }
  });

  it('never writes a secret value literally', () => {
    for (const [name, definition] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(definition.environment ?? {})) {
        if (!SECRET_NAME.test(key)) continue;
        const pattern = OPTIONAL_SECRETS.includes(key)
          ? /^\$\{[A-Z0-9_]+:-\}$/
          : /^\$\{[A-Z0-9_]+:\?[^}]*\}$/;
        expect(String(value), `${name}.${key}`).toMatch(pattern);
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

  it('lists every variable it reads in .env.example, set or commented out with its meaning', () => {
    const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
    for (const name of new Set(references.map((reference) => reference.name))) {
      expect(example, name).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
    }
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

  it('trusts exactly its one proxy (Traefik) for client addresses, unless TRUST_PROXY says otherwise', () => {
    const resolved = interpolateTree(compose, sampleEnv) as ComposeFile;
    expect(resolved.services.frontend?.environment?.TRUST_PROXY).toBe('1');
    const behindCdn = interpolateTree(compose, { ...sampleEnv, TRUST_PROXY: '2' }) as ComposeFile;
    expect(behindCdn.services.frontend?.environment?.TRUST_PROXY).toBe('2');
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
