import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { BackupError, backupDatabase, restoreDatabase, type RestoreTarget } from '../db/backup.js';
import type { EmbeddedDatabase } from '../db/embedded.js';

const USAGE = `Usage:
  npm run backup [-- <file>]                 a consistent backup while Rampart runs (or not)
  npm run restore -- <file> [--data-dir DIR] restore into an empty database

With DATABASE_URL (or BACKUP_DATABASE_URL, which wins) the backup reads that database and the
restore fills it; it must be empty. Without it, the embedded PostgreSQL under DATA_DIR (or
--data-dir) is used: a running one is reached on its port, a stopped one is started and
stopped again. A backup is written to backups/rampart-<time>.zip unless a file is named.
See docs/operations.md.`;

const log = (message: string) => console.log(message);

/** Loaded only when used: the container image leaves out the PostgreSQL binaries it would load. */
const embeddedModule = () => import('../db/embedded.js');

/** The superuser's connection to a running embedded PostgreSQL, or undefined when it is stopped. */
export async function runningEmbedded(dataDir: string): Promise<string | undefined> {
  const { isRunning } = await embeddedModule();
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return undefined;
  const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<
    string,
    string
  >;
  const password = secrets['embedded_postgres_password'] ?? '';
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${lines[3]}/rampart`;
}

/** Runs `work` with the embedded PostgreSQL under `dataDir` running, started only if need be. */
export async function withEmbedded<T>(
  config: Config,
  dataDir: string,
  work: (superuserUrl: string, embedded: EmbeddedDatabase | undefined) => Promise<T>,
  say: (message: string) => void = log,
): Promise<T> {
  const running = await runningEmbedded(dataDir);
  if (running) return work(running, undefined);
  const { startEmbeddedPostgres } = await embeddedModule();
  const embedded = await startEmbeddedPostgres(dataDir, config.embeddedPgPort, say);
  try {
    return await work(embedded.superuserUrl.replace(/\/postgres$/, '/rampart'), embedded);
  } finally {
    await embedded.stop();
  }
}

async function backup(config: Config, positionals: string[]): Promise<void> {
  if (positionals.length > 1) throw new UsageError('name at most one file to write');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
  const file = path.resolve(positionals[0] ?? path.join('backups', `rampart-${stamp}.zip`));
  if (existsSync(file)) throw new UsageError(`${file} exists already; name another file`);
  mkdirSync(path.dirname(file), { recursive: true });
  const run = async (url: string) => {
    const startedAt = performance.now();
    log(`backing up to ${file}`);
    const { manifest, bytes } = await backupDatabase(url, file, log);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    log(
      `backup complete: ${rows} rows in ${manifest.tables.length} tables, ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MB, ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  };
  const url = config.backupDatabaseUrl ?? config.databaseUrl;
  if (url) return run(url);
  if (!existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) {
    throw new BackupError(`there is no Rampart database under ${config.dataDir} to back up`);
  }
  await withEmbedded(config, config.dataDir, run);
}

async function restore(config: Config, positionals: string[], dataDir: string | undefined) {
  if (positionals.length !== 1) throw new UsageError('name the one backup file to restore');
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  const run = async (target: RestoreTarget) => {
    const startedAt = performance.now();
    const manifest = await restoreDatabase(file, target, log);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    log(
      `restore complete: ${rows} rows from the backup of ${manifest.created_at}, ` +
        `${((performance.now() - startedAt) / 1000).toFixed(1)} s. Start Rampart to use it.`,
    );
  };
  const url = config.backupDatabaseUrl ?? config.databaseUrl;
  if (url && dataDir === undefined) {
    return run({ ownerUrl: config.databaseUrl ?? url, loaderUrl: url });
  }
  const target = path.resolve(dataDir ?? config.dataDir);
  if (await runningEmbedded(target)) {
    throw new BackupError(
      `Rampart's PostgreSQL is running on ${target}: stop Rampart, or restore into another --data-dir`,
    );
  }
  await withEmbedded(config, target, async (superuserUrl, embedded) =>
    run({ ownerUrl: embedded!.url, loaderUrl: superuserUrl }),
  );
}

class UsageError extends Error {}

/** `node server/dist/cli/backup.js backup|restore ...`; answers the process's exit code. */
export async function main(argv: string[]): Promise<number> {
  let values: { help?: boolean; 'data-dir'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, 'data-dir': { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const config = loadConfig();
    if (command === 'backup') {
      if (values['data-dir'] !== undefined) throw new UsageError('--data-dir is for a restore');
      await backup(config, rest);
    } else if (command === 'restore') {
      await restore(config, rest, values['data-dir']);
    } else {
      throw new UsageError(`unknown command ${command ?? '(none)'}: backup or restore`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof BackupError || error instanceof ConfigError) {
      console.error(`${command ?? 'backup'} failed: ${error.message}`);
      return 1;
    }
    console.error(`${command ?? 'backup'} failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
