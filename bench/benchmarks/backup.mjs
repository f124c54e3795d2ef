// `npm run backup` and `npm run restore` of one organization of a million leads (a hundred
// thousand without --large), against a superuser's plain COPY of the same
// tables into nothing: the backup adds hashing, compression and the file; the restore adds the
// migrations, loading with every index and the checks. Also the resident memory the backup adds
// to the process that runs it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { backupDatabase, restoreDatabase } from '../../server/dist/db/backup.js';
import { createOrganizations } from '../lib/data.mjs';
import { copyLeads, GENERATED_LEADS } from '../lib/datasets.mjs';
import { dropDatabase, ensureDatabase, log, withClient, withDatabase } from '../lib/db.mjs';
import { sampleRssGrowth, target } from '../lib/report.mjs';

const RESTORE_DATABASE = 'rampart_bench_restored';

/**
 * One organization of `leads` leads, kept between runs. The generator would take over an hour
 * for a million on 2 cores; this makes GENERATED_LEADS that way and copies them (copyLeads).
 */
async function ensureBackupDataset(adminUrl, leads) {
  const database = `rampart_bench_backup_${leads}`;
  const ownerUrl = withDatabase(adminUrl, database);
  const exists = await withClient(
    adminUrl,
    async (client) =>
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount,
  );
  if (exists) {
    const count = await withClient(
      ownerUrl,
      async (client) => (await client.query('SELECT count(*)::int AS n FROM leads')).rows[0].n,
    );
    if (count === leads) return ownerUrl;
    await dropDatabase(adminUrl, database);
  }
  log(`data: ${database}: ${leads} leads...`);
  const started = performance.now();
  await ensureDatabase(adminUrl, database);
  await createOrganizations(ownerUrl, [{ name: 'Backed up', leads: GENERATED_LEADS }]);
  await withClient(ownerUrl, async (client) => {
    await copyLeads(client, leads);
    await client.query('VACUUM ANALYZE');
  });
  log(`data: ${database} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return ownerUrl;
}

/** Seconds a superuser takes to COPY every table of the backup's list to STDOUT, into nothing. */
async function plainCopy(url, tables) {
  return withClient(url, async (client) => {
    const started = performance.now();
    for (const table of tables) {
      const name = `${pg.escapeIdentifier(table.schema)}.${pg.escapeIdentifier(table.name)}`;
      await pipeline(
        client.query(copyStreams.to(`COPY ${name} TO STDOUT`)),
        new Writable({ write: (_chunk, _encoding, done) => done() }),
      );
    }
    return (performance.now() - started) / 1000;
  });
}

export async function run(context) {
  const ownerUrl = await ensureBackupDataset(context.adminUrl, context.large ? 1_000_000 : 100_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rampart-bench-backup-'));
  const file = path.join(dir, 'backup.zip');
  try {
    const rssGrowth = sampleRssGrowth();
    let started = performance.now();
    const { manifest, bytes } = await backupDatabase(ownerUrl, file, log);
    const backupSeconds = (performance.now() - started) / 1000;
    const growth = Number(rssGrowth().toFixed(1));
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const leads = manifest.tables.find((table) => table.name === 'leads').rows;
    const copySeconds = await plainCopy(ownerUrl, manifest.tables);
    log(
      `backup: ${rows} rows in ${backupSeconds.toFixed(1)} s; plain COPY ${copySeconds.toFixed(1)} s`,
    );

    await dropDatabase(context.adminUrl, RESTORE_DATABASE);
    // Empty, as a restore asks: not migrated like the other bench databases.
    await withClient(context.adminUrl, (client) =>
      client.query(`CREATE DATABASE ${RESTORE_DATABASE}`),
    );
    const restoredUrl = withDatabase(context.adminUrl, RESTORE_DATABASE);
    started = performance.now();
    await restoreDatabase(file, { ownerUrl: restoredUrl, loaderUrl: restoredUrl }, log);
    const restoreSeconds = (performance.now() - started) / 1000;
    const restoredLeads = await withClient(
      restoredUrl,
      async (client) => (await client.query('SELECT count(*)::int AS n FROM leads')).rows[0].n,
    );
    await dropDatabase(context.adminUrl, RESTORE_DATABASE);
    const ratio = Number((copySeconds / backupSeconds).toFixed(3));
    return {
      targets: {
        backup_vs_plain_copy: target(ratio, '>=', 0.3),
        backup_rss_growth_mb: target(growth, '<=', 150),
        restore_rows_per_second: target(Math.round(rows / restoreSeconds), '>=', 10_000),
        restored_every_lead: target(restoredLeads, '>=', leads),
      },
      leads,
      rows,
      tables: manifest.tables.length,
      backup_seconds: Number(backupSeconds.toFixed(1)),
      plain_copy_seconds: Number(copySeconds.toFixed(1)),
      restore_seconds: Number(restoreSeconds.toFixed(1)),
      backup_rows_per_second: Math.round(rows / backupSeconds),
      restore_rows_per_second: Math.round(rows / restoreSeconds),
      archive_mb: Number((bytes / 2 ** 20).toFixed(1)),
      backup_rss_growth_mb: growth,
      detail: {
        tables: manifest.tables
          .filter((t) => t.rows > 0)
          .map((t) => [`${t.schema}.${t.name}`, t.rows]),
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
