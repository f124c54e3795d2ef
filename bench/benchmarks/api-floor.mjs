// The lead list against /api/health in the same process: what the database work costs above
// the HTTP floor, and whether the list serves 1,000 requests/s with p99 <= 50 ms. The list is
// measured twice: from one API process, and from as many as the machine has cores, which is
// how the product runs in production (API_PROCESSES, server/src/cluster.ts); the targets are
// read on the second. The load comes from wrk when the machine has it (a native generator, as
// the target asks), else from this process.
import os from 'node:os';
import {
  compare,
  load,
  median,
  postmasterOf,
  round,
  startApi,
  tokenFor,
  treeCpuSecondsOf,
} from '../lib/api.mjs';
import { withClient } from '../lib/db.mjs';
import { target } from '../lib/report.mjs';
import { wrkAvailable, wrkLoad } from '../lib/wrk.mjs';

const CONCURRENCY = 20;
const ROUNDS = 4;
const SECONDS = 3;
/** Connections to PostgreSQL in all, whatever the number of processes sharing them. */
const POOL = 20;

export async function run(context) {
  const data = await context.dataset('main');
  const tokens = await Promise.all(data.orgs.map(tokenFor));
  const processes = os.availableParallelism();
  const single = await startApi({ appUrl: data.appUrl, poolSize: POOL });
  const deployed =
    processes > 1
      ? await startApi({
          appUrl: data.appUrl,
          poolSize: Math.ceil(POOL / processes),
          processes,
        })
      : single;
  try {
    const list = tokens.map((token) => ({ path: '/api/v1/leads?limit=50', token }));
    // The whole server's CPU: nothing else uses it while the rounds run.
    const postmaster = await withClient(data.ownerUrl, postmasterOf);
    const meters = (api) => ({
      api: () => treeCpuSecondsOf(api.pid),
      postgres: () => treeCpuSecondsOf(postmaster),
    });
    const listName = (count) =>
      `GET /api/v1/leads?limit=50, ${count} API process${count > 1 ? 'es' : ''}`;
    const sides = [
      { name: 'GET /api/health, 1 API process', api: single, requests: [{ path: '/api/health' }] },
      { name: listName(1), api: single, requests: list, cpu: meters(single) },
      ...(deployed !== single
        ? [{ name: listName(processes), api: deployed, requests: list, cpu: meters(deployed) }]
        : []),
    ];
    for (const side of sides) {
      await load(side.api, () => list[0], { concurrency: CONCURRENCY, requests: 10 * CONCURRENCY });
    }
    const measured = wrkAvailable() ? await withWrk(sides) : await withNode(sides);
    const asDeployed = measured.table.at(-1);
    return {
      load_generator: measured.generator,
      api_processes: processes,
      cpu_ms_per_list_request: asDeployed.cpu,
      targets: {
        list_requests_per_second: target(asDeployed.requests_per_second, '>=', 1000),
        list_p99_ms: target(asDeployed.p99_ms, '<=', 50),
      },
      table: measured.table.map(({ cpu, ...side }) => ({ ...side, ...(cpu && cpu) })),
      ratios: measured.ratios,
    };
  } finally {
    await single.stop();
    if (deployed !== single) await deployed.stop();
  }
}

/**
 * The sides in alternating rounds of wrk after a warm-up of each; CPU per request of the sides
 * that have meters, over their rounds, wrk's own included.
 */
async function withWrk(sides) {
  for (const side of sides)
    await wrkLoad(side.api, side.requests, { concurrency: CONCURRENCY, seconds: 2 });
  const rounds = sides.map(() => []);
  const cpu = sides.map(() => ({ api: 0, postgres: 0, load_generator: 0 }));
  for (let r = 0; r < ROUNDS; r += 1) {
    const order = r % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
    for (const i of order) {
      const side = sides[i];
      const before = side.cpu && { api: side.cpu.api(), postgres: side.cpu.postgres() };
      const result = await wrkLoad(side.api, side.requests, {
        concurrency: CONCURRENCY,
        seconds: SECONDS,
      });
      if (before) {
        cpu[i].api += side.cpu.api() - before.api;
        cpu[i].postgres += side.cpu.postgres() - before.postgres;
        cpu[i].load_generator += result.cpuSeconds;
      }
      rounds[i].push(result);
    }
  }
  const table = sides.map((side, i) => {
    const requests = rounds[i].reduce((sum, x) => sum + x.requests, 0);
    const seconds = rounds[i].reduce((sum, x) => sum + x.seconds, 0);
    const middle = (key) => round(median(rounds[i].map((x) => x[key])));
    const perRequest = (used) => round((used * 1000) / requests, 3);
    return {
      name: side.name,
      requests,
      requests_per_second: round(requests / seconds, 1),
      // wrk gives percentiles per run: the median of the rounds'.
      p50_ms: middle('p50_ms'),
      p95_ms: middle('p95_ms'),
      p99_ms: middle('p99_ms'),
      refused: rounds[i].reduce((sum, x) => sum + x.refused, 0),
      ...(side.cpu && {
        cpu: {
          api: perRequest(cpu[i].api),
          postgres: perRequest(cpu[i].postgres),
          load_generator: perRequest(cpu[i].load_generator),
        },
      }),
    };
  });
  const ratio = (i, key) =>
    round(median(rounds[0].map((base, k) => rounds[i][k][key] / base[key])), 3);
  return {
    generator: 'wrk',
    table,
    ratios: sides.slice(1).map((side, k) => ({
      side: side.name,
      against: sides[0].name,
      throughput: ratio(k + 1, 'requests_per_second'),
      p50: ratio(k + 1, 'p50_ms'),
      p99: ratio(k + 1, 'p99_ms'),
    })),
  };
}

/** The same with this process as the load generator, where wrk is not installed. */
async function withNode(sides) {
  const pick = (requests) => () => requests[Math.floor(Math.random() * requests.length)];
  const result = await compare(
    sides.map((side) => ({ ...side, next: pick(side.requests) })),
    { concurrency: CONCURRENCY, rounds: ROUNDS, seconds: SECONDS, warmup: 2 },
  );
  return {
    generator: 'node',
    table: result.sides.map(({ api_cpu_ms, postgres_cpu_ms, ...side }) => ({
      ...side,
      ...(api_cpu_ms !== undefined && { cpu: { api: api_cpu_ms, postgres: postgres_cpu_ms } }),
    })),
    ratios: result.ratios,
  };
}
