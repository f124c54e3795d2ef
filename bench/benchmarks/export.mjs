// The organization export against a superuser's plain COPY of the same rows: the export runs
// every CSV through `COPY (SELECT ...) TO STDOUT` as the API's restricted role under RLS, and
// on through the ZIP writer into the database; the plain side copies the same SELECTs as a
// superuser (no policy) into nothing. Also the resident memory the export adds to the process
// that runs it (the API process, when the worker runs inside it as by default).
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import pino from 'pino';
import { loadConfig } from '../../server/dist/config.js';
import { openDatabase } from '../../server/dist/db/pool.js';
import { withContext } from '../../server/dist/db/tenant.js';
import { createMailer } from '../../server/dist/mail/mailer.js';
import { organizationFiles } from '../../server/dist/modules/exports/exports.repo.js';
import { runOrganizationExport } from '../../server/dist/modules/exports/org-export.task.js';
import { BENCH_SECRET, benchContextKey, log, withClient } from '../lib/db.mjs';
import { sampleRssGrowth, target } from '../lib/report.mjs';

const ROUNDS = 2;

/** Seconds a superuser takes to COPY every SELECT to STDOUT, the bytes thrown away. */
async function plainCopy(ownerUrl, selects) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const started = performance.now();
    let bytes = 0;
    for (const select of selects) {
      const copy = client.query(
        copyStreams.to(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`),
      );
      await pipeline(
        copy,
        new Writable({
          write(chunk, _encoding, done) {
            bytes += chunk.length;
            done();
          },
        }),
      );
    }
    return { seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await client.end();
  }
}

export async function run(context) {
  const data = await context.dataset('export');
  const org = data.orgs[0];
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_SECRET,
    DATABASE_URL: data.appUrl,
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(os.tmpdir(), 'rampart-bench'),
  });
  const database = openDatabase(data.appUrl, 4, benchContextKey);
  const deps = {
    config,
    db: database.db,
    mailer: createMailer(config),
    log: pino({ level: 'silent' }),
  };
  try {
    const files = await withContext(deps.db, { orgId: org.id, userId: null }, (tx) =>
      organizationFiles(tx),
    );
    const rounds = [];
    let peakGrowthMb = 0;
    let rows = 0;
    let zipBytes = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const plain = await plainCopy(
        data.ownerUrl,
        files.map((file) => file.select),
      );
      const [{ id }] = await withClient(
        data.ownerUrl,
        async (client) =>
          (
            await client.query(
              'INSERT INTO org_exports (org_id, created_by) VALUES ($1, $2) RETURNING id',
              [org.id, org.userId],
            )
          ).rows,
      );
      const rssGrowth = sampleRssGrowth();
      const started = performance.now();
      await runOrganizationExport(deps, { org_id: org.id, export_id: id });
      const seconds = (performance.now() - started) / 1000;
      const growth = rssGrowth();
      const [done] = await withClient(data.ownerUrl, async (client) => {
        const result = (
          await client.query(
            'SELECT rows_done::int AS rows, byte_size::bigint AS bytes FROM org_exports WHERE id = $1',
            [id],
          )
        ).rows;
        await client.query('DELETE FROM org_exports WHERE id = $1', [id]);
        return result;
      });
      rows = done.rows;
      zipBytes = Number(done.bytes);
      peakGrowthMb = Math.max(peakGrowthMb, growth);
      rounds.push({
        round,
        'plain COPY s': Number(plain.seconds.toFixed(2)),
        'export s': Number(seconds.toFixed(2)),
        'ratio (plain / export)': Number((plain.seconds / seconds).toFixed(3)),
        'CSV MB': Number((plain.bytes / 2 ** 20).toFixed(1)),
        'ZIP MB': Number((zipBytes / 2 ** 20).toFixed(1)),
        'RSS growth MB': Number(growth.toFixed(1)),
      });
      log(`round ${round}: ${JSON.stringify(rounds.at(-1))}`);
    }
    const best = (key) => Math.min(...rounds.map((r) => r[key]));
    const ratio = Number((best('plain COPY s') / best('export s')).toFixed(3));
    return {
      targets: {
        export_vs_plain_copy: target(ratio, '>=', 0.8),
        export_rss_growth_mb: target(Number(peakGrowthMb.toFixed(1)), '<=', 150),
      },
      leads: org.leads,
      rows_exported: rows,
      export_rows_per_second: Math.round(rows / best('export s')),
      plain_rows_per_second: Math.round(rows / best('plain COPY s')),
      table: rounds,
      detail: { files: files.map((file) => file.name) },
    };
  } finally {
    await database.close();
  }
}
