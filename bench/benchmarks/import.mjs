// CSV import of leads through the API (upload, then the run as a job), side by side with a
// superuser's plain COPY of the same file into an unindexed copy of the leads table; the API
// process's memory growth over the upload; and the time of a dry run of 100,000 rows.
// BENCH_IMPORT_ROWS sets the file's size (1,000,000 by default).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { loadConfig } from '../../server/dist/config.js';
import { startWorker } from '../../server/dist/jobs/worker.js';
import { openDatabase } from '../../server/dist/db/pool.js';
import { createMailer } from '../../server/dist/mail/mailer.js';
import { round, startApi, tokenFor } from '../lib/api.mjs';
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
// A script beside the server, not the server: its one setting is the size of the file.
// eslint-disable-next-line no-restricted-properties
const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 1_000_000);
const DRY_RUN_ROWS = Math.min(100_000, ROWS);

function writeFile(file, rows) {
  const lines = [COLUMNS];
  for (let i = 0; i < rows; i += 1) {
    lines.push(
      `Ada${i},Lovelace ${i},ada${i}@example.com,"Engines, Ltd ${i % 1000}",+44 20 7946 ${i % 10000}`,
    );
    if (lines.length === 50_000) {
      writeFileSync(file, `${lines.join('\n')}\n`, { flag: 'a' });
      lines.length = 0;
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`, { flag: 'a' });
}

async function newOrganization(ownerUrl) {
  const org = { id: randomUUID(), userId: randomUUID() };
  await withClient(ownerUrl, (client) =>
    client.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($2, $2 || '@rampart.bench', 'Importer', '!');
       INSERT INTO orgs (id, name, created_by) VALUES ($1, 'Import bench', $2);
       INSERT INTO memberships (org_id, user_id, role, created_by) VALUES ($1, $2, 'owner', $2);`
        .replaceAll('$1', `'${org.id}'`)
        .replaceAll('$2', `'${org.userId}'`),
    ),
  );
  return org;
}

function request(api, method, urlPath, token, body, type = 'application/json') {
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
  writeFile(file, ROWS);
  writeFile(dryFile, DRY_RUN_ROWS);
  log(`${ROWS} rows, ${Math.round(statSync(file).size / 2 ** 20)} MB`);

  // The baseline: COPY by a superuser into an unindexed table shaped like leads.
  await withClient(ownerUrl, (client) =>
    client.query(
      `CREATE TABLE bench_copy (LIKE leads INCLUDING DEFAULTS);
       ALTER TABLE bench_copy ALTER COLUMN org_id SET DEFAULT gen_random_uuid()`,
    ),
  );
  let started = performance.now();
  execFileSync('psql', [
    ownerUrl,
    '-qc',
    `\\copy bench_copy (${COLUMNS}) FROM '${file}' WITH (FORMAT csv, HEADER true)`,
  ]);
  const copySeconds = (performance.now() - started) / 1000;
  const copyRate = ROWS / copySeconds;
  log(`plain COPY: ${round(copySeconds, 1)} s, ${Math.round(copyRate)} rows/s`);

  const org = await newOrganization(ownerUrl);
  const token = await tokenFor(org);
  const api = await startApi({
    appUrl,
    poolSize: 5,
    env: { HTTP_REQUEST_TIMEOUT_MS: '3600000' },
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
      token,
      createReadStream(dryFile),
      'text/csv',
    );
    started = performance.now();
    await request(api, 'POST', `/imports/${dryUpload.id}/dry-run`, token, SETTINGS);
    const drySeconds = (performance.now() - started) / 1000;
    log(`dry run of ${DRY_RUN_ROWS} rows: ${round(drySeconds, 1)} s`);

    const rssBefore = api.rssMb();
    started = performance.now();
    const upload = await request(
      api,
      'POST',
      '/imports?kind=lead&file_name=leads.csv',
      token,
      createReadStream(file),
      'text/csv',
    );
    const uploadSeconds = (performance.now() - started) / 1000;
    const rssGrowth = api.peakRssMb() - rssBefore;
    log(`upload: ${round(uploadSeconds, 1)} s, API RSS +${rssGrowth} MB`);
    await request(api, 'POST', `/imports/${upload.id}/dry-run`, token, SETTINGS);
    const runStarted = performance.now();
    await request(api, 'POST', `/imports/${upload.id}/run`, token);
    let status;
    do {
      await sleep(1000);
      status = await request(api, 'GET', `/imports/${upload.id}`, token);
    } while (!['completed', 'failed', 'cancelled'].includes(status.status));
    const runSeconds = (performance.now() - runStarted) / 1000;
    const importRate = ROWS / (uploadSeconds + runSeconds);
    log(`run: ${round(runSeconds, 1)} s (${status.status}), ${Math.round(importRate)} rows/s`);
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
          'rows/s': Math.round(ROWS / runSeconds),
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
        dry_run_rows: DRY_RUN_ROWS,
        dry_run_seconds: round(drySeconds, 1),
        api_rss_before_mb: rssBefore,
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
