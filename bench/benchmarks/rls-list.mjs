// GET /api/v1/leads?limit=50 under RLS against the same route on a BYPASSRLS role whose SQL
// filters org_id itself; 20 connections, a random organization of 10 per request. A third side,
// in the same rounds, serves the route with the unsigned tenant context of before migration
// 0018 (a copy of the database whose policies read it): the signed context must keep 0.95 of
// the unsigned one's ratio against the explicit filter.
import { compare, cpuSecondsOf, startApi, tokenFor } from '../lib/api.mjs';
import { unsignedCopyOf, withClient, withDatabase } from '../lib/db.mjs';
import { target } from '../lib/report.mjs';

/** CPU seconds used so far by the API's connections as `role` to `database`. */
function backendsOf(adminUrl, database, role) {
  return () =>
    withClient(adminUrl, async (client) => {
      const { rows } = await client.query(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = $1 AND usename = $2 AND application_name = 'rampart'`,
        [database, role],
      );
      return rows.reduce((sum, row) => sum + cpuSecondsOf(row.pid), 0);
    });
}

export async function run(context) {
  const data = await context.dataset('main');
  const orgs = data.orgs.slice(0, 10);
  const tokens = await Promise.all(orgs.map(tokenFor));
  const unsigned = await unsignedCopyOf(context.adminUrl, data.database);
  const api = await startApi({
    appUrl: data.appUrl,
    explicitUrl: data.explicitUrl,
    unsignedUrl: withDatabase(data.appUrl, unsigned),
    poolSize: 20,
  });
  try {
    const sides = [
      ['explicit WHERE org_id (BYPASSRLS)', '/bench/explicit/v1', data.database, data.explicitUrl],
      ['RLS (the API)', '/api/v1', data.database, data.appUrl],
      ['RLS, unsigned context (before 0018)', '/bench/unsigned/v1', unsigned, data.appUrl],
    ].map(([name, prefix, database, url]) => ({
      name,
      api,
      prefix,
      next: () => ({
        path: `${prefix}/leads?limit=50`,
        token: tokens[Math.floor(Math.random() * tokens.length)],
      }),
      cpu: {
        api: async () => cpuSecondsOf(api.pid),
        postgres: backendsOf(context.adminUrl, database, new URL(url).username),
      },
    }));
    // Every side must show the same page: a context that no policy accepted would list nothing.
    for (const side of sides) {
      const response = await fetch(`http://127.0.0.1:${api.port}${side.prefix}/leads?limit=50`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      });
      const count = (await response.json()).data?.length;
      if (count !== 50) throw new Error(`${side.name} listed ${count} leads, not 50`);
    }
    const result = await compare(sides, { concurrency: 20, rounds: 6, seconds: 3, warmup: 3 });
    const [signed, before] = result.ratios;
    // Per round: the signed side's ratio against the explicit one over the unsigned side's.
    const againstUnsigned = result.roundRatio(
      ([, rls, old]) => rls.requests_per_second / old.requests_per_second,
    );
    // The same target in PostgreSQL's CPU per request, which the machine's other load moves
    // far less than throughput: what the unsigned side needs over what the signed one needs.
    const [, rls, old] = result.sides;
    const cpuAgainstUnsigned = Number((old.postgres_cpu_ms / rls.postgres_cpu_ms).toFixed(3));
    return {
      data: { database: data.database, organizations: orgs.length, leads_per_org: orgs[0].leads },
      targets: {
        throughput_ratio: target(signed.throughput, '>=', 0.8),
        throughput_against_unsigned: target(againstUnsigned, '>=', 0.95),
        postgres_cpu_against_unsigned: target(cpuAgainstUnsigned, '>=', 0.95),
        p99_ratio: target(signed.p99, '<=', 1.5),
      },
      unsigned_throughput_ratio: before.throughput,
      peak_rss_mb: api.peakRssMb(),
      table: result.sides,
      ratios: result.ratios,
    };
  } finally {
    await api.stop();
  }
}
