// The data sets of the suite, each in its own database and built once: a database remembers
// the spec it was built from (in its comment), and a rerun with the same spec reuses it.
import pg from 'pg';
import { createOrganizations, listOrganizations } from './data.mjs';
import {
  appUrlOf,
  dropDatabase,
  ensureDatabase,
  explicitUrlOf,
  log,
  withClient,
  withDatabase,
} from './db.mjs';

const range = (count, make) => Array.from({ length: count }, (_, i) => make(i + 1));

/** Leads made in full by the generator (search terms, audit trail) before copyLeads. */
export const GENERATED_LEADS = 10_000;

/**
 * Copies the leads already there, with the triggers held, until there are `leads` of them. The
 * generator writes every lead through its triggers and would take over an hour for a million on
 * 2 cores; copies have no search terms or audit trail of their own, which a backup or an export
 * reads as rows like any other.
 */
export async function copyLeads(client, leads) {
  const { rows } = await client.query('SELECT count(*)::int AS n FROM leads');
  const factor = leads / rows[0].n;
  if (!Number.isInteger(factor) || factor < 1) {
    throw new Error(`cannot copy ${rows[0].n} leads into ${leads}`);
  }
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query(
    `INSERT INTO leads (org_id, first_name, last_name, email, phone, company, job_title, status,
       source, rating, estimated_value, owner_id, next_follow_up_at, created_by, created_at,
       updated_at)
     SELECT org_id, first_name, last_name, copy || '.' || email, phone, company, job_title,
       status, source, rating, estimated_value, owner_id, next_follow_up_at, created_by,
       created_at, updated_at
     FROM leads, generate_series(1, $1::int) AS copy`,
    [factor - 1],
  );
  await client.query('COMMIT');
}

/** The data sets, by size: `large` gives every main organization 100,000 leads. */
export function datasetSpecs({ large }) {
  const perOrg = large ? 100_000 : 5_000;
  const small = { name: 'Small', leads: 1_000 };
  const base = [small, ...range(4, (i) => ({ name: `Peer ${i}`, leads: 5_000 }))];
  const baseRows = base.reduce((sum, org) => sum + org.leads, 0);
  const migrationRows = large ? 500_000 : 50_000;
  const main = {
    database: large ? 'rampart_bench_large' : 'rampart_bench',
    orgs: range(10, (i) => ({ name: `Org ${i}`, leads: perOrg })),
  };
  return {
    main,
    // One organization of a million leads (a hundred thousand without --large), exported whole.
    // With --large, 10,000 leads are made in full and copied into the rest (see copyLeads).
    export: large
      ? {
          database: 'rampart_bench_export_large',
          orgs: [{ name: 'Exporter', leads: GENERATED_LEADS }],
          leads: 1_000_000,
        }
      : { database: 'rampart_bench_export', orgs: [{ name: 'Exporter', leads: 100_000 }] },
    // Custom fields: with --large, three organizations of 100,000 leads (the read, the page
    // with 20 fields shown, the page without), built in minutes rather than the main set's
    // quarter of an hour; without it, the main data set.
    customFields: large
      ? {
          database: 'rampart_bench_custom_large',
          orgs: range(3, (i) => ({ name: `Org ${i}`, leads: perOrg })),
        }
      : main,
    skewBase: { database: 'rampart_bench_skew_base', orgs: base },
    skewMany: {
      database: 'rampart_bench_skew_many',
      orgs: [...base, ...range(1000, (i) => ({ name: `Tiny ${i}`, leads: 20 }))],
    },
    skewGiant: {
      database: 'rampart_bench_skew_giant',
      orgs: [...base, { name: 'Giant', leads: baseRows }],
    },
    migrationFew: {
      database: large ? 'rampart_bench_mig_few_large' : 'rampart_bench_mig_few',
      orgs: range(5, (i) => ({ name: `Org ${i}`, leads: migrationRows / 5 })),
    },
    migrationMany: {
      database: large ? 'rampart_bench_mig_many_large' : 'rampart_bench_mig_many',
      orgs: range(1000, (i) => ({ name: `Org ${i}`, leads: migrationRows / 1000 })),
    },
    migrationSchemas: {
      database: large ? 'rampart_bench_mig_schemas_large' : 'rampart_bench_mig_schemas',
      orgs: [{ name: 'Template', leads: migrationRows / 500 }],
      schemas: 500,
    },
  };
}

/**
 * One tenant's leads copied into `schemas` schemas of their own, each with the same indexes:
 * the schema-per-tenant layout, for comparison.
 */
async function copyIntoSchemas(client, schemas) {
  for (let i = 1; i <= schemas; i += 1) {
    await client.query(`CREATE SCHEMA tenant_${i};
      CREATE TABLE tenant_${i}.leads (LIKE public.leads INCLUDING ALL);
      INSERT INTO tenant_${i}.leads SELECT * FROM public.leads;`);
  }
}

/**
 * The database of `spec`, built now unless it was built from the same spec before. Returns its
 * connection strings (owner, API role, bypass role) and organizations (largest first).
 */
export async function ensureDataset(adminUrl, spec) {
  const key = JSON.stringify({
    orgs: spec.orgs,
    schemas: spec.schemas ?? 0,
    leads: spec.leads ?? 0,
    version: 4,
  });
  const comment = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query(
      'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
      [spec.database, 'pg_database'],
    );
    return rows[0]?.comment;
  });
  let generated = null;
  if (comment !== key) {
    if (comment !== undefined) await dropDatabase(adminUrl, spec.database);
    const started = performance.now();
    const ownerUrl = await ensureDatabase(adminUrl, spec.database);
    const rows = spec.orgs.reduce((sum, org) => sum + org.leads, 0);
    log(`data: ${spec.database}: ${spec.orgs.length} organizations, ${rows} leads...`);
    let reported = 0;
    await createOrganizations(ownerUrl, spec.orgs, {
      onProgress: (done, total) => {
        if (done - reported >= total / 4 || done === total) {
          reported = done;
          log(`data: ${spec.database}: ${done}/${total} organizations`);
        }
      },
    });
    await withClient(ownerUrl, async (client) => {
      if (spec.leads) await copyLeads(client, spec.leads);
      if (spec.schemas) await copyIntoSchemas(client, spec.schemas);
      await client.query('VACUUM ANALYZE');
    });
    generated = Number(((performance.now() - started) / 1000).toFixed(1));
    await withClient(adminUrl, (client) =>
      client.query(`COMMENT ON DATABASE ${spec.database} IS ${pg.escapeLiteral(key)}`),
    );
    log(`data: ${spec.database} built in ${generated} s`);
  }
  const ownerUrl = withDatabase(adminUrl, spec.database);
  if (generated === null) await ensureDatabase(adminUrl, spec.database);
  const orgs = await withClient(ownerUrl, listOrganizations);
  return {
    ...spec,
    ownerUrl,
    appUrl: await appUrlOf(ownerUrl),
    explicitUrl: await explicitUrlOf(
      ownerUrl,
      orgs.slice(0, 10).map((org) => org.id),
    ),
    orgs,
    generated_seconds: generated,
  };
}
