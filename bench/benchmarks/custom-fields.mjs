// Custom fields against built-in fields, both under RLS on the same organization: a filter and a
// sort by a custom field at most 1.5 times the time of the same kind of filter or sort on an
// indexed column of the record, and a page of leads showing 20 custom fields at most 1.3 times
// the time of the same page without any (docs/decisions/0006-custom-field-storage.md).
import { compare, startApi, tokenFor } from '../lib/api.mjs';
import { benchContextKey, withClient } from '../lib/db.mjs';
import { sampleIds } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

const SHOWN = 20;

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
      const field = await client.query(
        `INSERT INTO custom_fields (org_id, record_type, key, label, field_type, position, created_by)
         VALUES ($1, 'lead', $2, $3, 'text', $4, $5) RETURNING id`,
        [org.id, `extra_${i}`, `Extra ${i}`, i, org.userId],
      );
      await client.query(
        `INSERT INTO custom_field_values (org_id, field_id, record_id, value_text, created_by)
         SELECT $1, $2, id, 'Value ' || left(id::text, 8), $3 FROM leads WHERE org_id = $1`,
        [org.id, field.rows[0].id, org.userId],
      );
    }
  });
  await asTenant(bare, () =>
    client.query(
      `UPDATE custom_fields SET archived_at = now() WHERE org_id = $1 AND archived_at IS NULL`,
      [bare.id],
    ),
  );
  await client.query('ANALYZE custom_field_values');
}

export async function run(context) {
  const data = await context.dataset('main');
  const [org, shown, bare] = data.orgs;
  const ids = await withClient(data.ownerUrl, (client) => sampleIds(client, org));
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
      builtIn: 'leads?created_from=2026-01-01T00:00:00Z&created_to=2026-06-01T00:00:00Z',
      custom: 'leads?cf=score:gte:100&cf=score:lte:300',
    },
    { name: 'sort: text', builtIn: 'leads?sort=last_name', custom: 'leads?sort=cf.region_code' },
    {
      name: 'sort: number, descending',
      builtIn: 'leads?sort=-estimated_value',
      custom: 'leads?sort=-cf.score',
    },
  ];
  const api = await startApi({ appUrl: data.appUrl, explicitUrl: data.explicitUrl, poolSize: 10 });
  try {
    const rows = [];
    const targets = {};
    const measure = async (name, bound, base, other) => {
      const result = await compare(
        [
          { name: 'built-in', api, next: () => base },
          { name: 'custom', api, next: () => other },
        ],
        { concurrency: 2, rounds: 4, seconds: 1, warmup: 0.5 },
      );
      const [a, b] = result.sides;
      const [ratio] = result.ratios;
      targets[name] = target(ratio.p50, '<=', bound);
      rows.push({
        read: name,
        'built-in': decodeURIComponent(base.path),
        custom: decodeURIComponent(other.path),
        'built-in p50 ms': a.p50_ms,
        'custom p50 ms': b.p50_ms,
        'p50 ratio': ratio.p50,
      });
    };
    for (const pair of pairs) {
      await measure(
        pair.name,
        1.5,
        { path: `/api/v1/${pair.builtIn}`, token },
        { path: `/api/v1/${pair.custom}`, token },
      );
    }
    await measure(
      `list of 50 leads with ${SHOWN} custom fields`,
      1.3,
      { path: '/api/v1/leads?limit=50', token: await tokenFor(bare) },
      { path: '/api/v1/leads?limit=50', token: await tokenFor(shown) },
    );
    return { targets, table: rows };
  } finally {
    await api.stop();
  }
}
