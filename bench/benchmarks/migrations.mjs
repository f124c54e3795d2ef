// A realistic migration (add a column, build an index concurrently on leads) on the same rows
// in 5 and in 1,000 organizations, and on a schema-per-tenant layout of 500 schemas.
import { median, round } from '../lib/api.mjs';
import { withClient } from '../lib/db.mjs';
import { target } from '../lib/report.mjs';

const ROUNDS = 5;

const change = (table) => [
  `ALTER TABLE ${table} ADD COLUMN bench_score integer`,
  `CREATE INDEX CONCURRENTLY bench_score_idx ON ${table} (org_id, bench_score)`,
];
const undo = (table) => [
  `DROP INDEX IF EXISTS ${table.replace(/leads$/, '')}bench_score_idx`,
  `ALTER TABLE ${table} DROP COLUMN IF EXISTS bench_score`,
];

/** Seconds to apply the change to every table, one statement at a time as a migrator would. */
async function timed(url, tables) {
  return withClient(url, async (client) => {
    for (const table of tables) for (const statement of undo(table)) await client.query(statement);
    const started = performance.now();
    for (const table of tables)
      for (const statement of change(table)) await client.query(statement);
    const seconds = (performance.now() - started) / 1000;
    for (const table of tables) for (const statement of undo(table)) await client.query(statement);
    return seconds;
  });
}

export async function run(context) {
  const few = await context.dataset('migrationFew');
  const many = await context.dataset('migrationMany');
  const schemas = await context.dataset('migrationSchemas');
  const schemaTables = Array.from({ length: schemas.schemas }, (_, i) => `tenant_${i + 1}.leads`);
  const layouts = [
    {
      name: `shared schema, ${few.orgs.length} organizations`,
      url: few.ownerUrl,
      tables: ['leads'],
    },
    {
      name: `shared schema, ${many.orgs.length} organizations`,
      url: many.ownerUrl,
      tables: ['leads'],
    },
    {
      name: `schema per tenant, ${schemas.schemas} schemas`,
      url: schemas.ownerUrl,
      tables: schemaTables,
    },
  ];
  const seconds = layouts.map(() => []);
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [i, layout] of layouts.entries())
      seconds[i].push(await timed(layout.url, layout.tables));
  }
  const medians = seconds.map((s) => median(s));
  const manyRatio = round(median(seconds[1].map((s, k) => s / seconds[0][k])), 2);
  const schemaTimes = round(median(seconds[2].map((s, k) => s / seconds[1][k])), 1);
  const rows = few.orgs.reduce((sum, org) => sum + org.leads, 0);
  return {
    targets: { many_over_few: target(manyRatio, '<=', 1.5) },
    shared_schema_times_faster_than_schema_per_tenant: schemaTimes,
    table: layouts.map((layout, i) => ({
      layout: layout.name,
      'leads in total': rows,
      'median seconds': round(medians[i], 3),
      runs: seconds[i].map((s) => round(s, 3)).join(', '),
    })),
  };
}
