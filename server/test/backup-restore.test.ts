import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import yauzl from 'yauzl';
import {
  BackupError,
  backupDatabase,
  restoreDatabase,
  type BackupManifest,
} from '../src/db/backup.js';
import { main } from '../src/cli/backup.js';
import { installContextKey } from '../src/db/context-key.js';
import { migrate } from '../src/db/migrate.js';
import { openDatabase, type DatabaseHandle } from '../src/db/pool.js';
import { buildApp } from '../src/http/app.js';
import { createMailer } from '../src/mail/mailer.js';
import { callsOf } from './support/calls.js';
import { adminQuery, withDatabase } from './support/global-setup.js';
import {
  createTestApp,
  signUp,
  testConfig,
  testContextKey,
  type SignedUp,
  type TestApp,
} from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;
/** The organization the load goes to, with many rows, so that the backup takes a while. */
let c: SignedUp;
let dir: string;
const databases: string[] = [];

const { call, create } = callsOf(() => t);

/** A new, empty database on the test server; dropped after the file. */
async function emptyDatabase(): Promise<string> {
  const name = `rampart_test_restore_${randomBytes(6).toString('hex')}`;
  await adminQuery(inject('adminUrl'), `CREATE DATABASE ${name}`);
  databases.push(name);
  return withDatabase(inject('adminUrl'), name);
}

async function query<R extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  t = await createTestApp({ poolSize: 10 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'rampart-backup-'));
  a = await signUp(t.app, 'backup-a');
  b = await signUp(t.app, 'backup-b');
  c = await signUp(t.app, 'backup-c');
  for (const who of [a, b]) {
    expect((await call('POST', '/sample-data', who)).statusCode).toBe(201);
  }
  await create(a, '/leads', { last_name: 'Only in A' });
  await create(b, '/leads', { last_name: 'Only in B' });
  await t.ownerQuery(
    `INSERT INTO leads (org_id, last_name, email, description)
     SELECT $1, 'Bulk ' || g, 'bulk' || g || '@example.com', repeat('x', 200)
     FROM generate_series(1, 15000) g`,
    [c.orgId],
  );
});

afterAll(async () => {
  await t.close();
  for (const name of databases) {
    await adminQuery(inject('adminUrl'), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await rm(dir, { recursive: true, force: true });
});

interface Acknowledged {
  id: string;
  at: number;
}

/** Creates leads one after another through the API until stopped; answers what was acknowledged. */
function startWriter(who: SignedUp) {
  const acknowledged: Acknowledged[] = [];
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped; i += 1) {
      const response = await call('POST', '/leads', who, { last_name: `Load ${i}` });
      expect(response.statusCode, response.body).toBe(201);
      acknowledged.push({ id: response.json<{ id: string }>().id, at: performance.now() });
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** amcheck over every btree index and every table of the database: the problems found. */
async function amcheck(url: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
    const { rows: indexes } = await client.query<{ oid: number; name: string }>(
      `SELECT c.oid, c.oid::regclass::text AS name FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_am am ON am.oid = c.relam
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE am.amname = 'btree' AND n.nspname IN ('public', 'graphile_worker')`,
    );
    expect(indexes.length).toBeGreaterThan(20);
    const problems: unknown[] = [];
    for (const index of indexes) {
      try {
        await client.query('SELECT bt_index_parent_check($1::regclass, true)', [index.oid]);
      } catch (error) {
        problems.push({ index: index.name, error: (error as Error).message });
      }
    }
    const { rows: tables } = await client.query<{ oid: number }>(
      `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname IN ('public', 'graphile_worker') AND c.relkind = 'r'`,
    );
    for (const table of tables) {
      const { rows } = await client.query(
        'SELECT $1::regclass::text AS table, * FROM verify_heapam($1::regclass)',
        [table.oid],
      );
      problems.push(...rows);
    }
    return problems;
  } finally {
    await client.end();
  }
}

/** The real application on `url`, started as `npm start` would start it there. */
async function appOn(url: string): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  await migrate(url, () => undefined);
  await installContextKey(url, testContextKey);
  const appUrl = withDatabase(inject('templateAppUrl'), new URL(url).pathname.slice(1));
  const database = openDatabase(appUrl, 3, testContextKey);
  const config = testConfig();
  const app = await buildApp(
    { config, db: database.db, mailer: createMailer(config) },
    { logger: false, pool: database.pool },
  );
  await app.ready();
  return { app, database };
}

async function tableCount(url: string, schema: string, table: string): Promise<number> {
  const [row] = await query<{ count: number }>(
    url,
    `SELECT count(*)::int AS count FROM ONLY ${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`,
  );
  return row!.count;
}

/** Where in the archive the stored bytes of `entryName` are: offset and length. */
async function entryData(file: string, entryName: string): Promise<[number, number]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  try {
    const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
      zip.on('entry', (found: yauzl.Entry) => {
        if (found.fileName === entryName) resolve(found);
        else zip.readEntry();
      });
      zip.once('end', () => reject(new Error(`${entryName} is not in ${file}`)));
      zip.readEntry();
    });
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    return [fileDataStart, entry.compressedSize];
  } finally {
    zip.close();
  }
}

describe('backup and restore', () => {
  let file: string;
  let manifest: BackupManifest;
  let startedAt: number;
  let acknowledged: Acknowledged[];
  let restoredUrl: string;

  it('takes a backup while leads are being written', async () => {
    file = path.join(dir, 'rampart.zip');
    const writer = startWriter(c);
    // Let the load get going first.
    while (writer.acknowledged.length < 20) await new Promise((r) => setTimeout(r, 10));
    startedAt = performance.now();
    ({ manifest } = await backupDatabase(t.testDb.ownerUrl, file, () => undefined));
    const endedAt = performance.now();
    const duringBackup = writer.acknowledged.filter((w) => w.at > startedAt && w.at < endedAt);
    await writer.stop();
    acknowledged = writer.acknowledged;
    expect(duringBackup.length, 'writes acknowledged while the backup ran').toBeGreaterThan(0);
    const leads = manifest.tables.find((table) => table.name === 'leads')!;
    expect(leads.rows).toBeGreaterThan(15_000);
  });

  it('restores into a new database that amcheck finds sound, with every acknowledged write', async () => {
    restoredUrl = await emptyDatabase();
    await restoreDatabase(file, { ownerUrl: restoredUrl, loaderUrl: restoredUrl }, () => undefined);

    expect(await amcheck(restoredUrl)).toEqual([]);
    // The indexes dropped for the load are all back, as they were.
    const indexes = (url: string) =>
      query(
        url,
        `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname IN ('public', 'graphile_worker') ORDER BY 1`,
      );
    expect(await indexes(restoredUrl)).toEqual(await indexes(t.testDb.ownerUrl));
    const before = acknowledged.filter((w) => w.at < startedAt).map((w) => w.id);
    expect(before.length).toBeGreaterThanOrEqual(20);
    const found = await query<{ id: string }>(
      restoredUrl,
      'SELECT id FROM leads WHERE id = ANY ($1)',
      [before],
    );
    expect(found.map((row) => row.id).sort()).toEqual([...before].sort());
    for (const table of manifest.tables) {
      expect(await tableCount(restoredUrl, table.schema, table.name), table.name).toBe(table.rows);
    }
    const migrations = await query<{ name: string }>(
      restoredUrl,
      'SELECT name FROM schema_migrations ORDER BY run_on, id',
    );
    expect(migrations.map((row) => row.name)).toEqual(manifest.migrations);
  });

  it('serves the restored database: a user signs in and sees only their organization', async () => {
    const { app, database } = await appOn(restoredUrl);
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: a.email, password: a.password },
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const headers = { authorization: `Bearer ${signIn.json().access_token}` };
      const list = await app.inject({ method: 'GET', url: '/api/v1/leads?limit=100', headers });
      expect(list.statusCode, list.body).toBe(200);
      const names = list.json<{ data: { last_name: string }[] }>().data.map((l) => l.last_name);
      const original = await call('GET', '/leads?limit=100', a);
      expect(names.sort()).toEqual(
        original
          .json<{ data: { last_name: string }[] }>()
          .data.map((l) => l.last_name)
          .sort(),
      );
      expect(names).toContain('Only in A');
      expect(names).not.toContain('Only in B');
      expect(names.some((name) => name.startsWith('Load ') || name.startsWith('Bulk '))).toBe(
        false,
      );
      const [bLead] = await query<{ id: string }>(
        restoredUrl,
        "SELECT id FROM leads WHERE last_name = 'Only in B'",
      );
      const peek = await app.inject({ method: 'GET', url: `/api/v1/leads/${bLead!.id}`, headers });
      expect(peek.statusCode).toBe(404);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('refuses a database that holds data, and changes nothing in it', async () => {
    const countBefore = await tableCount(t.testDb.ownerUrl, 'public', 'leads');
    const target = { ownerUrl: t.testDb.ownerUrl, loaderUrl: t.testDb.ownerUrl };
    await expect(restoreDatabase(file, target, () => undefined)).rejects.toThrow(
      /not empty: it holds \d+ tables \(.*public\./,
    );
    expect(await tableCount(t.testDb.ownerUrl, 'public', 'leads')).toBe(countBefore);
  });

  it('refuses an archive with one byte changed, naming the table, before touching the database', async () => {
    const [start, length] = await entryData(file, 'tables/public.leads.copy');
    const damaged = path.join(dir, 'damaged.zip');
    const bytes = await readFile(file);
    bytes[start + Math.floor(length / 2)]! ^= 0x01;
    await writeFile(damaged, bytes);
    const target = await emptyDatabase();
    const attempt = restoreDatabase(damaged, { ownerUrl: target, loaderUrl: target }, () => {});
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(/public\.leads is damaged/);
    const tables = await query(
      target,
      "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
    );
    expect(tables).toEqual([]);
  });

  it('refuses to migrate one database and load another', async () => {
    const [first, second] = [await emptyDatabase(), await emptyDatabase()];
    await expect(
      restoreDatabase(file, { ownerUrl: first, loaderUrl: second }, () => {}),
    ).rejects.toThrow(/are not the same database/);
    for (const url of [first, second]) {
      expect(
        await query(url, "SELECT FROM pg_class WHERE relnamespace = 'public'::regnamespace"),
      ).toEqual([]);
    }
  });

  it('refuses a backup taken by a newer release', async () => {
    const newer = path.join(dir, 'newer.zip');
    const { ZipFile } = await import('yazl');
    const zip = new ZipFile();
    zip.addBuffer(
      Buffer.from(
        JSON.stringify({ ...manifest, tables: [], migrations: [...manifest.migrations, '9999_x'] }),
      ),
      'manifest.json',
    );
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    await writeFile(newer, Buffer.concat(chunks));
    const target = await emptyDatabase();
    await expect(
      restoreDatabase(newer, { ownerUrl: target, loaderUrl: target }, () => {}),
    ).rejects.toThrow(/newer or different release.*9999_x/);
  });

  it('refuses a role that row-level security would show only part of the data', async () => {
    await expect(
      backupDatabase(t.testDb.appUrl, path.join(dir, 'partial.zip'), () => undefined),
    ).rejects.toThrow(/cannot take a whole backup/);
  });

  it('runs from the command line with exit codes: 0 done, 1 refused, 2 a wrong command line', async () => {
    const saved = { ...process.env };
    process.env['DATABASE_URL'] = t.testDb.ownerUrl;
    process.env['BACKUP_DATABASE_URL'] = t.testDb.ownerUrl;
    try {
      const written = path.join(dir, 'cli.zip');
      expect(await main(['backup', written])).toBe(0);
      const restored = await emptyDatabase();
      process.env['DATABASE_URL'] = restored;
      process.env['BACKUP_DATABASE_URL'] = restored;
      expect(await main(['restore', written])).toBe(0);
      expect(await tableCount(restored, 'public', 'leads')).toBe(
        await tableCount(t.testDb.ownerUrl, 'public', 'leads'),
      );
      // Now it holds data: refused.
      expect(await main(['restore', written])).toBe(1);
      expect(await main(['backup', written])).toBe(2);
      expect(await main(['restore'])).toBe(2);
      expect(await main(['frob'])).toBe(2);
      expect(await main(['backup', '--nonsense'])).toBe(2);
      expect(await main(['--help'])).toBe(0);
    } finally {
      process.env = saved;
    }
  });
});
