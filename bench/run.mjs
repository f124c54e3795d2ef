// The benchmark suite: `npm run bench` runs every benchmark, `npm run bench -- <name>...` some
// of them, `--large` gives the main organizations 100,000 leads each. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetSpecs, ensureDataset } from './lib/datasets.mjs';
import { log, openServer, withClient } from './lib/db.mjs';

const BENCHMARKS = [
  'plans',
  'round-trips',
  'rls-list',
  'memory',
  'search-filters',
  'custom-fields',
  'api-floor',
  'tenant-skew',
  'migrations',
  'export',
  'import',
  'noisy-tenant',
  'overload',
  'backup',
];

const args = process.argv.slice(2);
const large = args.includes('--large');
const chosen = args.filter((arg) => !arg.startsWith('--'));
const unknown = chosen.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length) {
  log(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const names = chosen.length ? BENCHMARKS.filter((name) => chosen.includes(name)) : BENCHMARKS;

const server = await openServer();
const specs = datasetSpecs({ large });
const datasets = new Map();
const context = {
  large,
  adminUrl: server.adminUrl,
  /** Results of benchmarks already run, for those that report on another's run. */
  results: new Map(),
  dataset(name) {
    if (!datasets.has(name)) datasets.set(name, ensureDataset(server.adminUrl, specs[name]));
    return datasets.get(name);
  },
};

const machine = {
  cpus: os.cpus().length,
  nproc: Number(execFileSync('nproc').toString().trim()),
  cpu_model: os.cpus()[0]?.model,
  memory_gb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  postgres: await withClient(
    server.adminUrl,
    async (client) => (await client.query('SHOW server_version')).rows[0].server_version,
  ),
};
log(`machine: ${JSON.stringify(machine)}`);

const resultsDir = path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
let failed = false;
try {
  for (const name of names) {
    log(`\n== ${name}`);
    const started = performance.now();
    const { run } = await import(`./benchmarks/${name}.mjs`);
    const result = await run(context);
    context.results.set(name, result);
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const file = path.join(resultsDir, `${name}${large ? '.large' : ''}.json`);
    const { detail, ...summary } = result;
    writeFileSync(
      file,
      `${JSON.stringify({ benchmark: name, measured_at: new Date().toISOString(), large, seconds, machine, ...summary, detail }, null, 2)}\n`,
    );
    console.log(`\n${name} (${seconds} s): ${JSON.stringify(summary.targets ?? {})}`);
    if (summary.table) console.table(summary.table);
    if (summary.targets && Object.values(summary.targets).some((t) => t.met === false))
      failed = true;
  }
} finally {
  await server.stop();
}
log(failed ? '\nsome targets were not met (see above)' : '\nevery target met');
