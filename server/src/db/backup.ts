import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import yauzl from 'yauzl';
import { ZipFile } from '../lib/zip-file.js';
import { migrate, MIGRATIONS } from './migrate.js';

/**
 * Whole-database backups taken through one PostgreSQL connection, so that they work with the
 * embedded server (which ships no pg_dump) and with any DATABASE_URL. See
 * docs/decisions/0007-backups.md for why this shape.
 */

export const BACKUP_FORMAT = 'rampart-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The schemas whose tables make up Rampart's data: its own and the job queue's. */
export const BACKUP_SCHEMAS: readonly string[] = ['public', 'graphile_worker'];

/**
 * The migration tools' own bookkeeping: written by the migrations a restore runs, so never
 * loaded from the archive (the manifest's migration list stands for `schema_migrations`).
 */
const MIGRATION_BOOKKEEPING = new Set(['public.schema_migrations', 'graphile_worker.migrations']);

const MANIFEST_ENTRY = 'manifest.json';

export interface BackupTable {
  schema: string;
  name: string;
  /** The columns stored, in order: every column but generated ones, which PostgreSQL computes. */
  columns: string[];
  rows: number;
  /** Of the table's COPY text, before compression. */
  sha256: string;
  bytes: number;
  entry: string;
}

export interface BackupSequence {
  schema: string;
  name: string;
  last_value: string;
  is_called: boolean;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  created_at: string;
  postgres_version: string;
  /** Rampart's applied migrations, oldest first: the schema the data belongs to. */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

/** A backup or a restore that cannot go on, with the reason in words an operator can act on. */
export class BackupError extends Error {}

type Log = (message: string) => void;

const quoteName = (schema: string, name: string) =>
  `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;

/**
 * Counts rows (COPY text ends each row with a newline and escapes the ones inside values) and
 * hashes them. COPY sends a message per row: passed on in 64 KB pieces, the compressor (and the
 * COPY into PostgreSQL) get a few large writes instead of a million small ones.
 */
class Tally extends Transform {
  readonly hash = createHash('sha256');
  rows = 0;
  bytes = 0;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.rows += 1;
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    if (this.#pendingBytes >= 64 * 1024) this.#release();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.#release();
    done();
  }

  #release(): void {
    if (this.#pendingBytes === 0) return;
    this.push(Buffer.concat(this.#pending, this.#pendingBytes));
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

/** The role must see every row: a superuser, or a role with BYPASSRLS. */
async function assertSeesEverything(client: pg.Client, what: string): Promise<boolean> {
  const { rows } = await client.query<{ name: string; superuser: boolean; bypass: boolean }>(
    `SELECT rolname AS name, rolsuper AS superuser, rolbypassrls AS bypass
     FROM pg_roles WHERE rolname = current_user`,
  );
  const role = rows[0]!;
  if (!role.superuser && !role.bypass) {
    throw new BackupError(
      `the role ${role.name} cannot ${what}: row-level security would hide other organizations' ` +
        'rows from it. Connect as a superuser or a role with BYPASSRLS (BACKUP_DATABASE_URL).',
    );
  }
  return role.superuser;
}

async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  // A backup of a large database is one long transaction; the role's defaults must not end it.
  await client.query(
    'SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0; SET lock_timeout = 0',
  );
  return client;
}

interface CatalogTable {
  schema: string;
  name: string;
  columns: string[];
}

async function applicationTables(client: pg.Client): Promise<CatalogTable[]> {
  const { rows } = await client.query<CatalogTable>(
    `SELECT n.nspname AS schema, c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                         AND a.attgenerated = ''
     WHERE n.nspname = ANY ($1) AND c.relkind = 'r'
     GROUP BY n.nspname, c.relname
     ORDER BY n.nspname, c.relname`,
    [BACKUP_SCHEMAS],
  );
  return rows;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** The archive's size in bytes. */
  bytes: number;
}

/**
 * Writes a consistent backup of the database at `url` to `file` (a ZIP): one REPEATABLE READ,
 * READ ONLY transaction, so the archive is the database as of one instant while writes go on.
 * Written to `<file>.partial` first: a file under the final name is always complete.
 */
export async function backupDatabase(url: string, file: string, log: Log): Promise<BackupResult> {
  const client = await connect(url, 'rampart-backup');
  const partial = `${file}.partial`;
  try {
    await assertSeesEverything(client, 'take a whole backup');
    // With row security off, a query that a policy would filter fails instead of returning
    // part of the data: a backup is whole or it is nothing.
    await client.query('SET row_security = off');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows: version } = await client.query<{ server_version: string; now: Date }>(
      "SELECT current_setting('server_version') AS server_version, now()",
    );
    const tables = await applicationTables(client);
    if (!tables.some((t) => t.schema === 'public' && t.name === 'schema_migrations')) {
      throw new BackupError('this database holds no Rampart data (no schema_migrations table)');
    }
    // As pg_dump does: a migration cannot change a table under the backup while it runs.
    await client.query(
      `LOCK TABLE ${tables.map((t) => quoteName(t.schema, t.name)).join(', ')} IN ACCESS SHARE MODE`,
    );
    const { rows: applied } = await client.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY run_on, id',
    );
    const zip = new ZipFile();
    const output = createWriteStream(partial);
    const written = pipeline(zip.outputStream, output);
    const stored: BackupTable[] = [];
    for (const table of tables) {
      const key = `${table.schema}.${table.name}`;
      if (MIGRATION_BOOKKEEPING.has(key)) continue;
      const startedAt = performance.now();
      const entry = `tables/${key}.copy`;
      const tally = new Tally();
      const into = new PassThrough();
      zip.addReadStream(into, entry, { compress: true, compressionLevel: 1 });
      const columns = table.columns.map((column) => pg.escapeIdentifier(column)).join(', ');
      await pipeline(
        client.query(
          copyTo(
            `COPY (SELECT ${columns} FROM ONLY ${quoteName(table.schema, table.name)}) TO STDOUT`,
          ),
        ),
        tally,
        into,
      );
      stored.push({
        ...table,
        rows: tally.rows,
        sha256: tally.hash.digest('hex'),
        bytes: tally.bytes,
        entry,
      });
      if (tally.rows > 0) {
        log(
          `${key}: ${tally.rows} rows in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
        );
      }
    }
    // Sequences are not transactional: read last, their values are at least the snapshot's.
    const sequences: BackupSequence[] = [];
    const { rows: found } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY ($1) AND c.relkind = 'S' ORDER BY 1, 2`,
      [BACKUP_SCHEMAS],
    );
    for (const { schema, name } of found) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteName(schema, name)}`,
      );
      sequences.push({ schema, name, ...rows[0]! });
    }
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      created_at: version[0]!.now.toISOString(),
      postgres_version: version[0]!.server_version,
      migrations: applied.map((row) => row.name),
      tables: stored,
      sequences,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_ENTRY);
    zip.end();
    await written;
    await rename(partial, file);
    return { manifest, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** An opened archive: its manifest, and each table's data on demand. */
class Archive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    readonly manifest: BackupManifest,
  ) {}

  static async open(file: string): Promise<Archive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
    } catch (error) {
      throw new BackupError(`${file} is not a Rampart backup: ${(error as Error).message}`);
    }
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', reject);
      zip.readEntry();
    });
    const manifestEntry = entries.get(MANIFEST_ENTRY);
    if (!manifestEntry) throw new BackupError(`${file} is not a Rampart backup: no manifest`);
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(manifestEntry))
      chunks.push(chunk as Buffer);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
    } catch {
      throw new BackupError(`${file} is damaged: its manifest is not readable`);
    }
    if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_FORMAT_VERSION) {
      throw new BackupError(
        `${file} is a backup of format ${String(manifest.format)} ${String(manifest.version)}; ` +
          `this release reads ${BACKUP_FORMAT} ${BACKUP_FORMAT_VERSION}`,
      );
    }
    return new Archive(zip, entries, manifest);
  }

  async read(table: BackupTable): Promise<Readable> {
    const entry = this.entries.get(table.entry);
    if (!entry)
      throw new BackupError(`the archive lacks the data of ${table.schema}.${table.name}`);
    return this.zip.openReadStreamPromise(entry);
  }

  close(): void {
    this.zip.close();
  }
}

/** Streams one table's data through `into`, and refuses it unless it is what the manifest says. */
async function checkedCopy(archive: Archive, table: BackupTable, into: NodeJS.WritableStream) {
  const tally = new Tally();
  try {
    await pipeline(await archive.read(table), tally, into);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `the data of ${table.schema}.${table.name} is damaged: ${(error as Error).message}`,
    );
  }
  const sha256 = tally.hash.digest('hex');
  if (sha256 !== table.sha256 || tally.rows !== table.rows) {
    throw new BackupError(
      `the data of ${table.schema}.${table.name} is damaged: ${tally.rows} rows with sha256 ` +
        `${sha256}, where the manifest says ${table.rows} rows with sha256 ${table.sha256}`,
    );
  }
}

/** Reads every table's data and checks it against the manifest, touching no database. */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const archive = await Archive.open(file);
  try {
    for (const table of archive.manifest.tables) {
      const sink = new PassThrough();
      sink.resume();
      await checkedCopy(archive, table, sink);
    }
    return archive.manifest;
  } finally {
    archive.close();
  }
}

export interface RestoreTarget {
  /** Runs the migrations: the owner Rampart's tables should belong to. */
  ownerUrl: string;
  /** Loads the data: a superuser, as loading with triggers and foreign-key checks held asks. */
  loaderUrl: string;
}

/** Which database a connection reaches: its name, and the server by address and start time. */
async function identity(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT format('%s on %s:%s started %s', current_database(), inet_server_addr(),
                   inet_server_port(), pg_postmaster_start_time()) AS id`,
  );
  return rows[0]!.id;
}

/** The migrations and the load must reach the same database, or the load finds no tables. */
async function assertSameDatabase(loader: pg.Client, ownerUrl: string): Promise<void> {
  const owner = await connect(ownerUrl, 'rampart-restore');
  try {
    const [ownerId, loaderId] = [await identity(owner), await identity(loader)];
    if (ownerId !== loaderId) {
      throw new BackupError(
        `DATABASE_URL and BACKUP_DATABASE_URL are not the same database (${ownerId}; ` +
          `${loaderId}): nothing was changed`,
      );
    }
  } finally {
    await owner.end();
  }
}

/** Refuses a database that already holds anything in Rampart's schemas, naming it. */
async function assertEmpty(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%s.%s', n.nspname, c.relname) AS name FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY ($1) AND c.relkind IN ('r', 'p', 'v', 'm')
     ORDER BY n.nspname <> 'public', 1`,
    [BACKUP_SCHEMAS],
  );
  if (rows.length > 0) {
    const names = rows.slice(0, 5).map((row) => row.name);
    throw new BackupError(
      `the target database is not empty: it holds ${rows.length} tables ` +
        `(${names.join(', ')}${rows.length > names.length ? ', ...' : ''}). ` +
        'Restore into a new, empty database.',
    );
  }
}

/**
 * Restores the backup in `file` into an empty database: checks the whole archive first, applies
 * the migrations the backup was taken at, then loads every table in one transaction (all or
 * nothing) and checks counts and checksums before it commits.
 */
export async function restoreDatabase(
  file: string,
  target: RestoreTarget,
  log: Log,
): Promise<BackupManifest> {
  log(`checking ${file}`);
  const manifest = await verifyBackup(file);
  const { migrations } = manifest;
  const known = migrations.every((name, index) => MIGRATIONS[index] === name);
  if (!known) {
    const unknown = migrations.filter((name) => !MIGRATIONS.includes(name));
    throw new BackupError(
      `the backup was taken by a newer or different release of Rampart: this release does not ` +
        `know its migration(s) ${unknown.join(', ') || migrations.join(', ')}. Restore it with that release.`,
    );
  }
  const loader = await connect(target.loaderUrl, 'rampart-restore');
  try {
    const superuser = await assertSeesEverything(loader, 'restore a backup');
    if (!superuser) {
      throw new BackupError(
        'a restore loads tables with triggers and foreign-key checks held, which needs a superuser',
      );
    }
    await assertSameDatabase(loader, target.ownerUrl);
    await assertEmpty(loader);
    log(`applying ${migrations.length} migrations`);
    await migrate(target.ownerUrl, log, { upTo: migrations.at(-1) });
    const archive = await Archive.open(file);
    try {
      await loader.query('BEGIN');
      // Triggers (the audit trail, cleared references) and foreign-key checks would rewrite or
      // refuse rows that were consistent when they were backed up.
      await loader.query('SET LOCAL session_replication_role = replica');
      const tables = archive.manifest.tables;
      const present = new Map(
        (await applicationTables(loader)).map((t) => [`${t.schema}.${t.name}`, t]),
      );
      for (const table of tables) {
        const current = present.get(`${table.schema}.${table.name}`);
        if (!current || current.columns.join() !== table.columns.join()) {
          throw new BackupError(
            `${table.schema}.${table.name} does not have the columns the backup holds for it`,
          );
        }
      }
      // Rows the migrations themselves wrote are in the backup too.
      if (tables.length > 0) {
        await loader.query(`TRUNCATE ${tables.map((t) => quoteName(t.schema, t.name)).join(', ')}`);
      }
      // Building an index once over loaded rows is many times faster than updating it row by
      // row (a trigram index most of all): the indexes no constraint stands on go, and come
      // back after the load, as pg_restore does. Constraints' indexes stay.
      await loader.query("SET LOCAL maintenance_work_mem = '256MB'");
      const { rows: indexes } = await loader.query<{ name: string; definition: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ANY ($1)
           AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid)
           AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.refobjid = i.indexrelid
                           AND d.classid <> 'pg_class'::regclass)`,
        [BACKUP_SCHEMAS],
      );
      for (const index of indexes) await loader.query(`DROP INDEX ${index.name}`);
      for (const table of tables) {
        const startedAt = performance.now();
        const columns = table.columns.map((column) => pg.escapeIdentifier(column)).join(', ');
        await checkedCopy(
          archive,
          table,
          loader.query(
            copyFrom(`COPY ${quoteName(table.schema, table.name)} (${columns}) FROM STDIN`),
          ),
        );
        const { rows } = await loader.query<{ count: string }>(
          `SELECT count(*) FROM ONLY ${quoteName(table.schema, table.name)}`,
        );
        if (Number(rows[0]!.count) !== table.rows) {
          throw new BackupError(
            `${table.schema}.${table.name} holds ${rows[0]!.count} rows after loading ${table.rows}`,
          );
        }
        if (table.rows > 0) {
          log(
            `${table.schema}.${table.name}: ${table.rows} rows in ` +
              `${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
          );
        }
      }
      const indexingStarted = performance.now();
      for (const index of indexes) await loader.query(index.definition);
      log(
        `${indexes.length} indexes built in ` +
          `${((performance.now() - indexingStarted) / 1000).toFixed(1)} s`,
      );
      for (const sequence of archive.manifest.sequences) {
        await loader.query('SELECT setval($1::regclass, $2::bigint, $3)', [
          quoteName(sequence.schema, sequence.name),
          sequence.last_value,
          sequence.is_called,
        ]);
      }
      await loader.query('COMMIT');
    } catch (error) {
      await loader.query('ROLLBACK').catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackupError(
        `${reason}. No data was loaded, but the database now holds Rampart's empty tables: ` +
          'drop and re-create it before trying again',
      );
    } finally {
      archive.close();
    }
    log('analyzing');
    await loader.query('ANALYZE');
    return manifest;
  } finally {
    await loader.end();
  }
}
