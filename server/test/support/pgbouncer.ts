import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  chmodSync,
  chownSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Where Debian and most distributions put it; /usr/sbin is not on every user's PATH. */
const SEARCH_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];

export function findPgBouncer(): string | null {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), ...SEARCH_DIRS];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, 'pgbouncer');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export interface PgBouncer {
  port: number;
  /** `serverUrl` with its host and port replaced by the bouncer's. */
  url: string;
  /** The bouncer's log so far, for failure messages. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** A connection string to the PostgreSQL database to pool, as the role clients use. */
  serverUrl: string;
  poolSize?: number;
  maxClientConnections?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** PgBouncer refuses to run as root: it is then started as the postgres user. */
function runAsUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const name = 'postgres';
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { name, uid, gid };
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Starts a real PgBouncer in transaction pooling mode in front of one database, with a pool
 * small enough that concurrent clients keep trading server connections.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const server = new URL(options.serverUrl);
  const database = decodeURIComponent(server.pathname.slice(1));
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-pgbouncer-'));
  const files = {
    ini: path.join(dir, 'pgbouncer.ini'),
    users: path.join(dir, 'userlist.txt'),
    log: path.join(dir, 'pgbouncer.log'),
    pid: path.join(dir, 'pgbouncer.pid'),
  };
  // Clients are trusted; the password listed is what PgBouncer presents to PostgreSQL.
  writeFileSync(files.users, `${quote(user)} ${quote(password)}\n`);
  writeFileSync(
    files.ini,
    [
      '[databases]',
      `${database} = host=${server.hostname} port=${server.port || 5432} dbname=${database}`,
      '',
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${files.users}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 3}`,
      'min_pool_size = 0',
      'reserve_pool_size = 0',
      `max_client_conn = ${options.maxClientConnections ?? 500}`,
      // Transaction pooling never resets a server connection between clients: what a client
      // leaves in its session, the next one inherits. That is the point of this test.
      'server_reset_query =',
      'ignore_startup_parameters = extra_float_digits',
      `logfile = ${files.log}`,
      `pidfile = ${files.pid}`,
      '',
    ].join('\n'),
  );
  const runAs = runAsUser();
  if (runAs) {
    chmodSync(dir, 0o700);
    for (const file of [dir, files.ini, files.users]) chownSync(file, runAs.uid, runAs.gid);
  }
  for (const file of [files.ini, files.users]) chmodSync(file, 0o600);

  const args = runAs ? ['-u', runAs.name, files.ini] : [files.ini];
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const log = async () => {
    const file = await readFile(files.log, 'utf8').catch(() => '');
    return `${file}${stderr}`;
  };
  const stop = async () => {
    if (running) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(3000).then(() => true)]);
      if (timedOut) child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const bouncerUrl = new URL(options.serverUrl);
  bouncerUrl.hostname = '127.0.0.1';
  bouncerUrl.port = String(port);
  const url = bouncerUrl.toString();

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!running) {
      const output = await log();
      await stop();
      throw new Error(`pgbouncer exited at start:\n${output}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        const output = await log();
        await stop();
        throw new Error(`pgbouncer did not accept connections: ${String(error)}\n${output}`);
      }
      await sleep(50);
    }
  }
  return { port, url, log, stop };
}
