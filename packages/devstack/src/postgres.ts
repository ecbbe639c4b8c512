import { spawnSync } from 'node:child_process';
import { log, StackError } from './processes.js';

/** One `pg_lsclusters` row: the local cluster that serves the platform's databases. */
interface Cluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
}

function listClusters(): Cluster[] {
  const result = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (result.status !== 0) throw new StackError(`pg_lsclusters failed: ${result.stderr.trim()}`);
  return result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [version = '', name = '', port = '0', status = ''] = line.split(/\s+/);
      return { version, name, port: Number(port), online: status === 'online' };
    });
}

function runAsRoot(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  if (result.status !== 0) {
    throw new StackError(
      `\`${command} ${args.join(' ')}\` failed: ${(result.stderr || result.stdout).trim()}`,
    );
  }
  return result.stdout;
}

/** Starts (creating if needed) the local PostgreSQL cluster and returns its port. */
export function ensurePostgresRunning(): number {
  let cluster = listClusters()[0];
  if (!cluster) {
    log('Creating the PostgreSQL cluster');
    const version = spawnSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')[0];
    if (!version) throw new StackError('PostgreSQL is not installed (no /usr/lib/postgresql/<version>)');
    runAsRoot('pg_createcluster', [version, 'main']);
    cluster = listClusters()[0];
  }
  if (!cluster) throw new StackError('pg_createcluster did not create a cluster');
  if (!cluster.online) {
    log(`Starting PostgreSQL ${cluster.version}/${cluster.name} on port ${cluster.port}`);
    runAsRoot('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
  }
  return cluster.port;
}

/** Runs SQL as the `postgres` superuser through peer authentication (we are root on these machines). */
export function runSuperuserSql(sql: string, database = 'postgres'): string {
  if (process.getuid?.() !== 0) {
    throw new StackError('Creating databases and PostGIS needs the postgres superuser: run as root.');
  }
  return runAsRoot(
    'runuser',
    ['-u', 'postgres', '--', 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', database, '-At'],
    sql,
  );
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

export const EXTENSIONS = ['postgis', 'uuid-ossp', 'pgcrypto'];
export const TEMPLATE_DATABASE = 'spark_template_postgis';

function createExtensionsSql(): string {
  return EXTENSIONS.map((name) => `create extension if not exists ${quoteIdent(name)};`).join('\n');
}

/**
 * Makes `role` (login, createdb, not superuser) with `password`, a database it owns with the extensions the
 * schema needs (created here because PostGIS needs a superuser), and the template database that tests clone
 * throwaway databases from.
 */
export function ensureRoleAndDatabase({
  role,
  password,
  database,
}: {
  role: string;
  password: string;
  database: string;
}) {
  runSuperuserSql(`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${quoteLiteral(role)}) then
        create role ${quoteIdent(role)} login createdb;
      end if;
    end $$;
    alter role ${quoteIdent(role)} with login createdb password ${quoteLiteral(password)};
    select 'create database ${quoteIdent(database)} owner ${quoteIdent(role)}'
      where not exists (select 1 from pg_database where datname = ${quoteLiteral(database)}) \\gexec
    select 'create database ${TEMPLATE_DATABASE}'
      where not exists (select 1 from pg_database where datname = '${TEMPLATE_DATABASE}') \\gexec
  `);
  runSuperuserSql(createExtensionsSql(), database);
  runSuperuserSql(`grant all on schema public to ${quoteIdent(role)};`, database);
  runSuperuserSql(createExtensionsSql(), TEMPLATE_DATABASE);
  runSuperuserSql(`update pg_database set datistemplate = true where datname = '${TEMPLATE_DATABASE}';`);
}

export function dropDatabase(database: string): void {
  runSuperuserSql(`drop database if exists ${quoteIdent(database)} with (force);`);
}

/** Drops a throwaway role and every database it still owns (tests may leave some behind when they crash). */
export function dropRoleAndDatabases(role: string): void {
  const owned = runSuperuserSql(
    `select datname from pg_database where datdba = (select oid from pg_roles where rolname = ${quoteLiteral(role)});`,
  )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (const database of owned) dropDatabase(database);
  runSuperuserSql(`drop role if exists ${quoteIdent(role)};`);
}
