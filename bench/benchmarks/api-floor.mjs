// The lead list against /api/health in the same process: what the database work costs above
// the HTTP floor, and whether the list serves 1,000 requests/s with p99 <= 50 ms. The load
// comes from wrk when the machine has it (a native generator, as the target asks), else from
// this process.
import {
  compare,
  cpuSecondsOf,
  load,
  median,
  postmasterOf,
  round,
  serverCpuSecondsOf,
  startApi,
  tokenFor,
} from '../lib/api.mjs';
import { withClient } from '../lib/db.mjs';
import { target } from '../lib/report.mjs';
import { wrkAvailable, wrkLoad } from '../lib/wrk.mjs';

const CONCURRENCY = 20;
const ROUNDS = 4;
const SECONDS = 3;

export async function run(context) {
  const data = await context.dataset('main');
  const tokens = await Promise.all(data.orgs.map(tokenFor));
  const api = await startApi({ appUrl: data.appUrl, poolSize: 20 });
  try {
    const list = tokens.map((token) => ({ path: '/api/v1/leads?limit=50', token }));
    const health = [{ path: '/api/health' }];
    await load(api, () => list[0], { concurrency: CONCURRENCY, requests: 10 * CONCURRENCY });
    // The whole server's CPU: nothing else uses it while the rounds run.
    const postmaster = await withClient(data.ownerUrl, postmasterOf);
    const used = {
      api: () => cpuSecondsOf(api.pid),
      postgres: () => serverCpuSecondsOf(postmaster),
    };
    const measured = wrkAvailable()
      ? await withWrk(api, health, list, used)
      : await withNode(api, health, list, used);
    const listSide = measured.table[1];
    return {
      load_generator: measured.generator,
      cpu_ms_per_list_request: measured.cpu,
      targets: {
        list_requests_per_second: target(listSide.requests_per_second, '>=', 1000),
        list_p99_ms: target(listSide.p99_ms, '<=', 50),
      },
      table: [...measured.table, { name: 'CPU ms per list request', ...measured.cpu }],
      ratios: measured.ratios,
    };
  } finally {
    await api.stop();
  }
}

/**
 * Health and the list in alternating rounds of wrk after a warm-up of each; CPU per list
 * request over the list's rounds, wrk's own included.
 */
async function withWrk(api, health, list, used) {
  const sides = [
    { name: 'GET /api/health', requests: health, rounds: [] },
    { name: 'GET /api/v1/leads?limit=50', requests: list, rounds: [] },
  ];
  for (const side of sides)
    await wrkLoad(api, side.requests, { concurrency: CONCURRENCY, seconds: 2 });
  const cpu = { api: 0, postgres: 0, load_generator: 0 };
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const side of r % 2 ? [...sides].reverse() : sides) {
      const before = { api: used.api(), postgres: used.postgres() };
      const result = await wrkLoad(api, side.requests, {
        concurrency: CONCURRENCY,
        seconds: SECONDS,
      });
      if (side === sides[1]) {
        cpu.api += used.api() - before.api;
        cpu.postgres += used.postgres() - before.postgres;
        cpu.load_generator += result.cpuSeconds;
      }
      side.rounds.push(result);
    }
  }
  const table = sides.map((side) => {
    const requests = side.rounds.reduce((sum, x) => sum + x.requests, 0);
    const seconds = side.rounds.reduce((sum, x) => sum + x.seconds, 0);
    const middle = (key) => round(median(side.rounds.map((x) => x[key])));
    return {
      name: side.name,
      requests,
      requests_per_second: round(requests / seconds, 1),
      // wrk gives percentiles per run: the median of the rounds'.
      p50_ms: middle('p50_ms'),
      p95_ms: middle('p95_ms'),
      p99_ms: middle('p99_ms'),
      refused: side.rounds.reduce((sum, x) => sum + x.refused, 0),
    };
  });
  const listRequests = table[1].requests;
  const perRequest = (seconds) => round((seconds * 1000) / listRequests, 3);
  const ratio = (key) =>
    round(median(sides[0].rounds.map((base, k) => sides[1].rounds[k][key] / base[key])), 3);
  return {
    generator: 'wrk',
    cpu: {
      api: perRequest(cpu.api),
      postgres: perRequest(cpu.postgres),
      load_generator: perRequest(cpu.load_generator),
    },
    table,
    ratios: [
      {
        side: sides[1].name,
        against: sides[0].name,
        throughput: ratio('requests_per_second'),
        p50: ratio('p50_ms'),
        p99: ratio('p99_ms'),
      },
    ],
  };
}

/** The same with this process as the load generator, where wrk is not installed. */
async function withNode(api, health, list, used) {
  const pick = (requests) => () => requests[Math.floor(Math.random() * requests.length)];
  const result = await compare(
    [
      { name: 'GET /api/health', api, next: pick(health) },
      { name: 'GET /api/v1/leads?limit=50', api, next: pick(list) },
    ],
    { concurrency: CONCURRENCY, rounds: ROUNDS, seconds: SECONDS, warmup: 2 },
  );
  const before = { api: used.api(), postgres: used.postgres(), generator: process.cpuUsage() };
  const { latencies } = await load(api, pick(list), { concurrency: CONCURRENCY, seconds: 5 });
  const generator = process.cpuUsage(before.generator);
  const perRequest = (seconds) => round((seconds * 1000) / latencies.length, 3);
  return {
    generator: 'node',
    cpu: {
      api: perRequest(used.api() - before.api),
      postgres: perRequest(used.postgres() - before.postgres),
      load_generator: perRequest((generator.user + generator.system) / 1e6),
    },
    table: result.sides,
    ratios: result.ratios,
  };
}
