import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/backup.js';
import { isRunning, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { freePort } from './support/pgbouncer.js';

// `npm run backup` and `npm run restore` with no DATABASE_URL: the embedded PostgreSQL of a
// data folder, reached while it runs, or started for the command and stopped after it.

// Run as root, PostgreSQL runs as the postgres user, who must be able to enter the folders.
const root = mkdtempSync(path.join(os.tmpdir(), 'rampart-backup-embedded-'));
chmodSync(root, 0o755);
const dataDir = path.join(root, 'data');
const restoredDir = path.join(root, 'restored');
let running: EmbeddedDatabase | undefined;

afterAll(async () => {
  await running?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Runs the command line with the environment of an embedded install: no DATABASE_URL. */
async function cli(port: number, ...args: string[]): Promise<number> {
  const saved = { ...process.env };
  delete process.env['DATABASE_URL'];
  delete process.env['BACKUP_DATABASE_URL'];
  process.env['DATA_DIR'] = dataDir;
  process.env['EMBEDDED_PG_PORT'] = String(port);
  try {
    return await main(args);
  } finally {
    process.env = saved;
  }
}

async function emails(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string }>('SELECT email FROM users ORDER BY 1');
    return rows.map((row) => row.email);
  } finally {
    await client.end();
  }
}

describe('backup and restore with the embedded PostgreSQL', () => {
  const whileRunning = path.join(root, 'running.zip');
  const whileStopped = path.join(root, 'stopped.zip');
  let port: number;

  it('backs up while it runs, and when it is stopped', async () => {
    port = await freePort();
    running = await startEmbeddedPostgres(dataDir, port, () => undefined);
    await migrate(running.url, () => undefined);
    const owner = new pg.Client({
      connectionString: running.superuserUrl.replace(/postgres$/, 'rampart'),
    });
    await owner.connect();
    await owner.query(
      "INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), 'one@example.com', 'One', '!')",
    );
    await owner.end();

    const postmaster = () =>
      readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0];
    const before = postmaster();
    expect(await cli(port, 'backup', whileRunning)).toBe(0);
    // It used the PostgreSQL that runs, and left it running.
    expect(postmaster()).toBe(before);
    expect(isRunning(Number(before))).toBe(true);
    // Restoring over the data folder of a running PostgreSQL is refused.
    expect(await cli(port, 'restore', whileRunning)).toBe(1);
    await running.stop();
    running = undefined;

    expect(await cli(port, 'backup', whileStopped)).toBe(0);
    expect(existsSync(whileStopped)).toBe(true);
  }, 180_000);

  it('restores into a new data folder', async () => {
    expect(await cli(port, 'restore', whileStopped, '--data-dir', restoredDir)).toBe(0);
    running = await startEmbeddedPostgres(restoredDir, port, () => undefined);
    expect(await emails(running.superuserUrl.replace(/postgres$/, 'rampart'))).toEqual([
      'one@example.com',
    ]);
    await running.stop();
    running = undefined;
    // Now it holds data: a second restore into it is refused.
    expect(await cli(port, 'restore', whileRunning, '--data-dir', restoredDir)).toBe(1);
  }, 180_000);
});
