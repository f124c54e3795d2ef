// Custom fields against built-in fields, both under RLS on the same organization: a filter and a
// sort by a custom field at most 1.5 times the time of the same kind of filter or sort on an
// indexed column of the record, and a page of leads showing 20 custom fields at most 1.3 times
// the time of the same page without any (docs/decisions/0008-custom-field-storage.md).
import os from 'node:os';
import { compare, median, startApi, tokenFor } from '../lib/api.mjs';
import { benchContextKey, withClient } from '../lib/db.mjs';
import { sampleIds } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

const SHOWN = 20;
const REPEATS = 3;

/**
 * Gives `org` SHOWN custom fields of leads, each with a value on every lead (idempotent), and
 * `bare` none: the two sides of the list comparison.
 */
async function prepare(client, org, bare) {
  const asTenant = async (tenant, work) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_proof', $1, true)`, [
      benchContextKey.proveContext(tenant.id, tenant.userId),
    ]);
    await work();
    await client.query('COMMIT');
  };
  await asTenant(org, async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM custom_fields WHERE org_id = $1 AND archived_at IS NULL`,
      [org.id],
    );
    for (let i = rows[0].n; i < SHOWN; i += 1) {
      await client.query(
        `INSERT INTO custom_fields (org_id, record_type, key, label, field_type, position, created_by)
         VALUES ($1, 'lead', $2, $3, 'text', $4, $5)`,
        [org.id, `extra_${i}`, `Extra ${i}`, i, org.userId],
      );
    }
    // Every new field's values in one statement, with the triggers held (the audit trail of
    // two million values would take a quarter of an hour on 2 cores and is not what is read).
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(
      `INSERT INTO custom_field_values (org_id, field_id, record_id, value_text, created_by)
       SELECT $1, f.id, l.id, 'Value ' || left(l.id::text, 8), $2
       FROM custom_fields f JOIN leads l ON l.org_id = f.org_id
       WHERE f.org_id = $1 AND f.key LIKE 'extra\\_%'
         AND NOT EXISTS (SELECT FROM custom_field_values v
                         WHERE v.org_id = f.org_id AND v.field_id = f.id)`,
      [org.id, org.userId],
    );
  });
  await asTenant(bare, () =>
    client.query(
      `UPDATE custom_fields SET archived_at = now() WHERE org_id = $1 AND archived_at IS NULL`,
      [bare.id],
    ),
  );
  // As autovacuum leaves the table a while after the values came: statistics, and every page
  // marked visible, which reading values from their index alone needs.
  await client.query('VACUUM ANALYZE custom_field_values');
}

/**
 * The range of creation times that holds the same share of `org`'s leads as the score range
 * of the custom side (100 to 300 of 0 to 999: a fifth), so that both sides page through a range
 * of about as many records. The data set's leads were made in the days before it was built.
 */
async function createdRange(client, org) {
  const { rows } = await client.query(
    `SELECT percentile_disc(0.4) WITHIN GROUP (ORDER BY created_at) AS from,
            percentile_disc(0.601) WITHIN GROUP (ORDER BY created_at) AS to
     FROM leads WHERE org_id = $1`,
    [org.id],
  );
  return { from: rows[0].from.toISOString(), to: rows[0].to.toISOString() };
}

export async function run(context) {
  const data = await context.dataset('customFields');
  const [org, shown, bare] = data.orgs;
  const ids = await withClient(data.ownerUrl, (client) => sampleIds(client, org));
  const created = await withClient(data.ownerUrl, (client) => createdRange(client, org));
  await withClient(data.ownerUrl, (client) => prepare(client, shown, bare));
  const token = await tokenFor(org);
  // Each custom read beside the built-in read it should cost about as much as.
  const pairs = [
    {
      name: 'filter: equals',
      builtIn: 'leads?status=qualified&count=true',
      custom: `leads?cf=${encodeURIComponent(`tier:eq:${ids.tierOptionId}`)}&count=true`,
    },
    {
      name: 'filter: any of',
      builtIn: 'leads?status=new&status=contacted',
      custom: `leads?cf=${encodeURIComponent(`tier:any:${ids.tierOptionId},${ids.otherTierOptionId}`)}`,
    },
    {
      name: 'filter: range',
      builtIn: `leads?created_from=${encodeURIComponent(created.from)}&created_to=${encodeURIComponent(created.to)}`,
      custom: 'leads?cf=score:gte:100&cf=score:lte:300',
    },
    { name: 'sort: text', builtIn: 'leads?sort=last_name', custom: 'leads?sort=cf.region_code' },
    {
      name: 'sort: number, descending',
      builtIn: 'leads?sort=-estimated_value',
      custom: 'leads?sort=-cf.score',
    },
    // A select in the order of its options: a range per option, at most a page of each.
    { name: 'sort: select', builtIn: 'leads?sort=last_name', custom: 'leads?sort=cf.tier' },
    {
      name: 'sort: select, descending',
      builtIn: 'leads?sort=-last_name',
      custom: 'leads?sort=-cf.tier',
    },
  ];
  const api = await startApi({ appUrl: data.appUrl, explicitUrl: data.explicitUrl, poolSize: 10 });
  const reads = [
    ...pairs.map((pair) => ({
      name: pair.name,
      bound: 1.5,
      base: { path: `/api/v1/${pair.builtIn}`, token },
      other: { path: `/api/v1/${pair.custom}`, token },
    })),
    {
      name: `list of 50 leads with ${SHOWN} custom fields`,
      bound: 1.3,
      base: { path: '/api/v1/leads?limit=50', token: await tokenFor(bare) },
      other: { path: '/api/v1/leads?limit=50', token: await tokenFor(shown) },
    },
  ];
  // The machine is shared: every read is measured in REPEATS runs, one after the other over
  // all reads, and the median run's ratio is the figure, with the spread beside it.
  const runs = new Map(reads.map((read) => [read.name, []]));
  const loads = [os.loadavg()[0]];
  try {
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      for (const read of reads) {
        const result = await compare(
          [
            { name: 'built-in', api, next: () => read.base },
            { name: 'custom', api, next: () => read.other },
          ],
          { concurrency: 2, rounds: 4, seconds: 1, warmup: 0.5 },
        );
        const [a, b] = result.sides;
        runs.get(read.name).push({ ratio: result.ratios[0].p50, base: a.p50_ms, other: b.p50_ms });
      }
      loads.push(os.loadavg()[0]);
    }
  } finally {
    await api.stop();
  }
  const targets = {};
  const table = reads.map((read) => {
    const measured = runs.get(read.name);
    const ratios = measured.map((run) => run.ratio);
    const middle = [...measured].sort((x, y) => x.ratio - y.ratio)[Math.floor(measured.length / 2)];
    targets[read.name] = {
      ...target(median(ratios), '<=', read.bound),
      runs: ratios,
      spread: [Math.min(...ratios), Math.max(...ratios)],
    };
    return {
      read: read.name,
      'built-in': decodeURIComponent(read.base.path),
      custom: decodeURIComponent(read.other.path),
      'built-in p50 ms': middle.base,
      'custom p50 ms': middle.other,
      'p50 ratio': middle.ratio,
      runs: ratios.join(' / '),
    };
  });
  return {
    targets,
    table,
    leads_per_organization: org.leads,
    load_average: { min: Math.min(...loads), max: Math.max(...loads) },
  };
}
