// GET /api/v1/leads?limit=50 under RLS against the same route on a BYPASSRLS role whose SQL
// filters org_id itself; 20 connections, a random organization of 10 per request.
import { compare, startApi, tokenFor } from '../lib/api.mjs';
import { target } from '../lib/report.mjs';

// The throughput ratio measured on this data set with the unsigned tenant setting, before the
// signed context (migration 0018; docs/benchmarks.md): the signed one must keep 0.95 of it.
const UNSIGNED_THROUGHPUT_RATIO = 1.1;

export async function run(context) {
  const data = await context.dataset('main');
  const orgs = data.orgs.slice(0, 10);
  const tokens = await Promise.all(orgs.map(tokenFor));
  const api = await startApi({ appUrl: data.appUrl, explicitUrl: data.explicitUrl, poolSize: 20 });
  try {
    const randomOrg = (prefix) => () => ({
      path: `${prefix}/leads?limit=50`,
      token: tokens[Math.floor(Math.random() * tokens.length)],
    });
    const result = await compare(
      [
        { name: 'explicit WHERE org_id (BYPASSRLS)', api, next: randomOrg('/bench/explicit/v1') },
        { name: 'RLS (the API)', api, next: randomOrg('/api/v1') },
      ],
      { concurrency: 20, rounds: 6, seconds: 3, warmup: 3 },
    );
    const [ratio] = result.ratios;
    return {
      data: { database: data.database, organizations: orgs.length, leads_per_org: orgs[0].leads },
      targets: {
        throughput_ratio: target(ratio.throughput, '>=', 0.8),
        throughput_against_unsigned: target(
          Number((ratio.throughput / UNSIGNED_THROUGHPUT_RATIO).toFixed(3)),
          '>=',
          0.95,
        ),
        p99_ratio: target(ratio.p99, '<=', 1.5),
      },
      peak_rss_mb: api.peakRssMb(),
      table: result.sides,
      ratios: result.ratios,
    };
  } finally {
    await api.stop();
  }
}
