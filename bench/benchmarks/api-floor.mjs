// The lead list against /api/health in the same process: what the database work costs above
// the HTTP floor, and whether the list serves 1,000 requests/s with p99 <= 50 ms.
import { compare, cpuSecondsOf, load, round, startApi, tokenFor } from '../lib/api.mjs';
import { withClient } from '../lib/db.mjs';
import { target } from '../lib/report.mjs';

export async function run(context) {
  const data = await context.dataset('main');
  const tokens = await Promise.all(data.orgs.map(tokenFor));
  const api = await startApi({ appUrl: data.appUrl, poolSize: 20 });
  try {
    const listNext = () => ({
      path: '/api/v1/leads?limit=50',
      token: tokens[Math.floor(Math.random() * tokens.length)],
    });
    const result = await compare(
      [
        { name: 'GET /api/health', api, next: () => ({ path: '/api/health' }) },
        { name: 'GET /api/v1/leads?limit=50', api, next: listNext },
      ],
      { concurrency: 20, rounds: 4, seconds: 3, warmup: 2 },
    );
    const list = result.sides[1];
    const cpu = await cpuPerRequest(api, data, listNext);
    return {
      cpu_ms_per_list_request: cpu,
      targets: {
        list_requests_per_second: target(list.requests_per_second, '>=', 1000),
        list_p99_ms: target(list.p99_ms, '<=', 50),
      },
      table: [...result.sides, { name: 'CPU ms per list request', ...cpu }],
      ratios: result.ratios,
    };
  } finally {
    await api.stop();
  }
}

/**
 * Where the two cores go during the list: CPU milliseconds per request in the API process, in
 * its PostgreSQL backends, and in this process (the load generator).
 */
async function cpuPerRequest(api, data, next) {
  const backends = await withClient(data.ownerUrl, async (client) => {
    const { rows } = await client.query(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'rampart'",
    );
    return rows.map((row) => row.pid);
  });
  const postgres = () => backends.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const before = {
    api: cpuSecondsOf(api.pid),
    postgres: postgres(),
    generator: process.cpuUsage(),
  };
  const { latencies } = await load(api, next, { concurrency: 20, seconds: 5 });
  const generator = process.cpuUsage(before.generator);
  const perRequest = (seconds) => round((seconds * 1000) / latencies.length, 3);
  return {
    api: perRequest(cpuSecondsOf(api.pid) - before.api),
    postgres: perRequest(postgres() - before.postgres),
    load_generator: perRequest((generator.user + generator.system) / 1e6),
  };
}
