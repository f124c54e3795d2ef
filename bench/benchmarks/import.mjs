// CSV import of leads through the API (upload, then the run as a job), side by side with a
// superuser's plain COPY of the same file into an unindexed copy of the leads table; the API
// process's memory growth over the import; and the time of a dry run of 100,000 rows.
// BENCH_IMPORT_ROWS sets the file's size (1,000,000 by default); a run that has not finished
// after BENCH_IMPORT_MINUTES (60) is cancelled and reported as such.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { loadConfig } from '../../server/dist/config.js';
import { startWorker } from '../../server/dist/jobs/worker.js';
import { openDatabase } from '../../server/dist/db/pool.js';
import { createMailer } from '../../server/dist/mail/mailer.js';
import { round, startApi, tokenFor } from '../lib/api.mjs';
import { createOrganizations } from '../lib/data.mjs';
import {
  appUrlOf,
  BENCH_SECRET,
  benchContextKey,
  dropDatabase,
  ensureDatabase,
  log,
  withClient,
  workerUrlOf,
} from '../lib/db.mjs';
import { target } from '../lib/report.mjs';

const DATABASE = 'rampart_bench_import';
const COLUMNS = 'first_name,last_name,email,company,phone';
// A script beside the server, not the server: its settings are the size of the file and how
// long the run may take.
// eslint-disable-next-line no-restricted-properties
const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 1_000_000);
// eslint-disable-next-line no-restricted-properties
const RUN_LIMIT_MS = Number(process.env['BENCH_IMPORT_MINUTES'] ?? 60) * 60_000;
const DRY_RUN_ROWS = Math.min(100_000, ROWS);

/** The file, written as a stream a few thousand lines at a time: seconds for a million rows. */
async function writeFile(file, rows) {
  await pipeline(
    Readable.from(
      (function* () {
        yield `${COLUMNS}\n`;
        let lines = '';
        for (let i = 0; i < rows; i += 1) {
          lines += `Ada${i},Lovelace ${i},ada${i}@example.com,"Engines, Ltd ${i % 1000}",+44 20 7946 ${i % 10000}\n`;
          if (i % 5_000 === 4_999) {
            yield lines;
            lines = '';
          }
        }
        if (lines) yield lines;
      })(),
    ),
    createWriteStream(file),
  );
}

/** A request as the organization's owner, with a token of its own: a run outlasts one. */
async function request(api, method, urlPath, org, body, type = 'application/json') {
  const token = await tokenFor(org);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: api.port,
        method,
        path: `/api/v1${urlPath}`,
        headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': type }) },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode >= 300) reject(new Error(`${method} ${urlPath}: ${text}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(req);
    else req.end(body ? JSON.stringify(body) : undefined);
  });
}

/**
 * A dry run to its end: a file larger than one request checks is checked in the background
 * (202, `checking`), and the report is ready once the import is `uploaded` again.
 */
async function dryRun(api, org, id) {
  const answer = await request(api, 'POST', `/imports/${id}/dry-run`, org, SETTINGS);
  if (answer?.status !== 'checking') return;
  for (;;) {
    await sleep(250);
    const status = await request(api, 'GET', `/imports/${id}`, org);
    if (status.status !== 'checking') return;
  }
}

const SETTINGS = {
  mapping: COLUMNS.split(',').map((field, column) => ({ column, field })),
  duplicates: 'skip',
};

export async function run(context) {
  await dropDatabase(context.adminUrl, DATABASE);
  const ownerUrl = await ensureDatabase(context.adminUrl, DATABASE);
  const appUrl = await appUrlOf(ownerUrl);
  const dir = path.join(os.tmpdir(), 'rampart-bench-import');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'leads.csv');
  const dryFile = path.join(dir, 'leads-dry.csv');
  let started = performance.now();
  await writeFile(file, ROWS);
  await writeFile(dryFile, DRY_RUN_ROWS);
  const writeSeconds = (performance.now() - started) / 1000;
  log(
    `${ROWS} rows, ${Math.round(statSync(file).size / 2 ** 20)} MB, written in ${round(writeSeconds, 1)} s`,
  );

  // The baseline: COPY by a superuser into an unindexed table shaped like leads.
  await withClient(ownerUrl, (client) =>
    client.query(
      `CREATE TABLE bench_copy (LIKE leads INCLUDING DEFAULTS);
       ALTER TABLE bench_copy ALTER COLUMN org_id SET DEFAULT gen_random_uuid()`,
    ),
  );
  started = performance.now();
  execFileSync('psql', [
    ownerUrl,
    '-qc',
    `\\copy bench_copy (${COLUMNS}) FROM '${file}' WITH (FORMAT csv, HEADER true)`,
  ]);
  const copySeconds = (performance.now() - started) / 1000;
  const copyRate = ROWS / copySeconds;
  log(`plain COPY: ${round(copySeconds, 1)} s, ${Math.round(copyRate)} rows/s`);

  const [org] = await createOrganizations(ownerUrl, [{ name: 'Import bench', leads: 0 }]);
  const api = await startApi({
    appUrl,
    poolSize: 5,
    // A dry run of a million rows answers after a minute or more, with nothing sent before.
    env: {
      HTTP_REQUEST_TIMEOUT_MS: '3600000',
      HTTP_CONNECTION_TIMEOUT_MS: '3600000',
    },
  });
  const workerDb = openDatabase(await workerUrlOf(ownerUrl), 3, benchContextKey);
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: BENCH_SECRET, DATA_DIR: dir });
  const worker = await startWorker(
    { config, db: workerDb.db, mailer: createMailer(config), log: pino({ level: 'silent' }) },
    workerDb.pool,
  );
  try {
    // The dry run of 100,000 rows, on a file of its own.
    const dryUpload = await request(
      api,
      'POST',
      '/imports?kind=lead&file_name=dry.csv',
      org,
      createReadStream(dryFile),
      'text/csv',
    );
    started = performance.now();
    await dryRun(api, org, dryUpload.id);
    const drySeconds = (performance.now() - started) / 1000;
    log(`dry run of ${DRY_RUN_ROWS} rows: ${round(drySeconds, 1)} s`);

    // The import's memory is what the upload and the run add to the API's: the dry runs,
    // which hold every key of the file to find its duplicates, are measured on their own.
    const rssBefore = api.rssMb();
    api.resetPeakRss();
    started = performance.now();
    const upload = await request(
      api,
      'POST',
      '/imports?kind=lead&file_name=leads.csv',
      org,
      createReadStream(file),
      'text/csv',
    );
    const uploadSeconds = (performance.now() - started) / 1000;
    const uploadRssGrowth = api.peakRssMb() - rssBefore;
    log(`upload: ${round(uploadSeconds, 1)} s, API RSS +${uploadRssGrowth} MB`);
    const dryRssBefore = api.rssMb();
    api.resetPeakRss();
    started = performance.now();
    await dryRun(api, org, upload.id);
    const bigDrySeconds = (performance.now() - started) / 1000;
    const dryRssGrowth = api.peakRssMb() - dryRssBefore;
    log(`dry run of ${ROWS} rows: ${round(bigDrySeconds, 1)} s, API RSS +${dryRssGrowth} MB`);
    const runRssBefore = api.rssMb();
    api.resetPeakRss();

    // The worker runs in this process: its memory is this process's.
    const workerRssBefore = process.memoryUsage().rss;
    let workerRssPeak = workerRssBefore;
    const runStarted = performance.now();
    await request(api, 'POST', `/imports/${upload.id}/run`, org);
    let status;
    let cancelled = false;
    for (;;) {
      await sleep(1000);
      workerRssPeak = Math.max(workerRssPeak, process.memoryUsage().rss);
      status = await request(api, 'GET', `/imports/${upload.id}`, org);
      if (['completed', 'failed', 'cancelled'].includes(status.status)) break;
      if (!cancelled && performance.now() - runStarted > RUN_LIMIT_MS) {
        log(`run: still at ${status.progress.rows_done} rows after the limit; cancelling`);
        await request(api, 'POST', `/imports/${upload.id}/cancel`, org);
        cancelled = true;
      }
    }
    const runSeconds = (performance.now() - runStarted) / 1000;
    const rowsDone = status.progress.rows_done;
    const rssGrowth = Math.max(uploadRssGrowth, api.peakRssMb() - runRssBefore);
    const workerRssGrowth = Math.round((workerRssPeak - workerRssBefore) / 2 ** 20);
    // A run stopped at the limit counts only the rows it applied, over the whole upload.
    const importRate = rowsDone / (uploadSeconds + runSeconds);
    log(
      `run: ${round(runSeconds, 1)} s (${status.status}, ${rowsDone} rows), ${Math.round(importRate)} rows/s; ` +
        `API RSS +${rssGrowth} MB, worker RSS +${workerRssGrowth} MB`,
    );
    const ratio = round(importRate / copyRate, 3);
    return {
      rows: ROWS,
      targets: {
        import_vs_copy: target(ratio, '>=', 0.6),
        api_rss_growth_mb: target(rssGrowth, '<=', 150),
      },
      table: [
        {
          step: 'plain COPY (superuser, unindexed)',
          seconds: round(copySeconds, 1),
          'rows/s': Math.round(copyRate),
        },
        {
          step: 'upload (stream to import_rows)',
          seconds: round(uploadSeconds, 1),
          'rows/s': Math.round(ROWS / uploadSeconds),
        },
        {
          step: 'run (job, leads with audit and search)',
          seconds: round(runSeconds, 1),
          'rows/s': Math.round(rowsDone / runSeconds),
        },
        {
          step: 'import (upload and run)',
          seconds: round(uploadSeconds + runSeconds, 1),
          'rows/s': Math.round(importRate),
        },
        {
          step: `dry run of ${DRY_RUN_ROWS} rows`,
          seconds: round(drySeconds, 1),
          'rows/s': Math.round(DRY_RUN_ROWS / drySeconds),
        },
      ],
      detail: {
        copy_rows_per_second: Math.round(copyRate),
        import_rows_per_second: Math.round(importRate),
        upload_seconds: round(uploadSeconds, 1),
        run_seconds: round(runSeconds, 1),
        run_status: status.status,
        rows_applied: rowsDone,
        run_vs_copy: round(rowsDone / runSeconds / copyRate, 3),
        file_written_seconds: round(writeSeconds, 1),
        full_dry_run_seconds: round(bigDrySeconds, 1),
        worker_rss_growth_mb: workerRssGrowth,
        dry_run_rows: DRY_RUN_ROWS,
        dry_run_seconds: round(drySeconds, 1),
        api_rss_before_mb: rssBefore,
        api_rss_growth_upload_mb: uploadRssGrowth,
        api_rss_growth_dry_run_mb: dryRssGrowth,
        counts: status.counts,
      },
    };
  } finally {
    await worker.stop();
    await workerDb.close();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
