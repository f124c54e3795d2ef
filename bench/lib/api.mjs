// Starting the API process and loading it with HTTP requests.
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { signAccessToken } from '../../server/dist/modules/auth/access-tokens.js';
import { benchCaller } from './data.mjs';
import { BENCH_SECRET as JWT_SECRET } from './db.mjs';

/** An access token for the benchmark owner in `org`, signed as the API would sign it. */
export function tokenFor(org) {
  return signAccessToken(JWT_SECRET, benchCaller(org));
}

/**
 * The API (bench/lib/server.mjs) in a child process, or with `processes` above 1 in that many
 * under it as with API_PROCESSES (their CPU: `treeCpuSecondsOf(pid)`); `peakRssMb` reads the
 * kernel's high-water mark, which `resetPeakRss` brings down to the present.
 */
export async function startApi({
  appUrl,
  explicitUrl,
  unsignedUrl,
  poolSize = 20,
  processes = 1,
  env = {},
}) {
  const child = fork(
    new URL('./server.mjs', import.meta.url),
    [
      JSON.stringify({
        appUrl,
        explicitUrl,
        unsignedUrl,
        poolSize,
        processes,
        jwtSecret: JWT_SECRET,
        env,
      }),
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}`)));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return {
    pid: child.pid,
    agent,
    port,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
    },
    /** Starts the high-water mark again from the present (Linux: `clear_refs` 5). */
    resetPeakRss() {
      writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    },
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
    },
    async stop() {
      agent.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

/** GETs `path`; resolves with the status, and rejects on anything but 200 unless `tolerate`. */
export function get(api, path, token, { tolerate = false, timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port: api.port,
        path,
        agent: api.agent,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200 || tolerate
            ? resolve(response.statusCode)
            : reject(new Error(`${path}: ${response.statusCode}`)),
        );
      },
    );
    // A client that gives up closes its connection, as a browser or a load balancer would.
    if (timeoutMs) request.setTimeout(timeoutMs, () => request.destroy(new Error('timeout')));
    request.on('error', (error) => (tolerate ? resolve(0) : reject(error)));
  });
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Sends requests from `next()` (`{ path, token }`, or null to stop) with `concurrency` in
 * flight, for `seconds` or `requests`, whichever ends first. Latencies in ms, of the answers
 * with 200; with `tolerate`, other answers are counted as `refused` instead of failing.
 */
export async function load(
  api,
  next,
  { concurrency, seconds = Infinity, requests = Infinity, tolerate = false },
) {
  const latencies = [];
  let refused = 0;
  const deadline = performance.now() + seconds * 1000;
  let sent = 0;
  const worker = async () => {
    while (sent < requests && performance.now() < deadline) {
      const request = next();
      if (!request) return;
      sent += 1;
      const started = performance.now();
      const status = await get(api, request.path, request.token, { tolerate });
      if (status === 200) latencies.push(performance.now() - started);
      else refused += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, refused, seconds: elapsed };
}

const round = (value, digits = 2) => Number(value.toFixed(digits));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function summarize(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    requests_per_second: round(sorted.length / seconds, 1),
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
  };
}

/**
 * Runs two (or more) sides in alternating rounds after a warm-up of each, so that drift (cache,
 * other load on the machine) falls on both. Per side: figures over all its rounds. Ratios are
 * each side's over the first side's, per round, then their median; `roundRatio` gives the
 * median of any per-round quotient of the sides' figures. A side is `{ name, api, next }`,
 * and may name `cpu: { api, postgres }`, each an async function giving CPU seconds used so far: its
 * figures then hold the CPU milliseconds per request each spent over all its rounds.
 */
export async function compare(sides, { concurrency, rounds = 6, seconds = 3, warmup = 2 }) {
  for (const side of sides) await load(side.api, side.next, { concurrency, seconds: warmup });
  const perRound = sides.map(() => []);
  const cpu = sides.map(() => ({ api: 0, postgres: 0 }));
  for (let r = 0; r < rounds; r += 1) {
    const order = r % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
    for (const i of order) {
      const meters = Object.entries(sides[i].cpu ?? {});
      const before = await Promise.all(meters.map(([, used]) => used()));
      const { latencies, seconds: took } = await load(sides[i].api, sides[i].next, {
        concurrency,
        seconds,
      });
      const after = await Promise.all(meters.map(([, used]) => used()));
      meters.forEach(([name], m) => (cpu[i][name] += after[m] - before[m]));
      perRound[i].push({ latencies, seconds: took, ...summarize(latencies, took) });
    }
  }
  const figures = sides.map((side, i) => {
    const summary = summarize(
      perRound[i].flatMap((x) => x.latencies),
      perRound[i].reduce((sum, x) => sum + x.seconds, 0),
    );
    const perRequest = (used) => round((used * 1000) / summary.requests, 3);
    return {
      name: side.name,
      ...summary,
      ...(side.cpu && {
        api_cpu_ms: perRequest(cpu[i].api),
        postgres_cpu_ms: perRequest(cpu[i].postgres),
      }),
    };
  });
  const ratio = (key, i) =>
    round(median(perRound[0].map((base, k) => perRound[i][k][key] / base[key])), 3);
  return {
    /** The median over rounds of `of(figures)`, given each side's figures of one round. */
    roundRatio: (of) =>
      round(median(perRound[0].map((_, k) => of(perRound.map((side) => side[k])))), 3),
    sides: figures,
    ratios: sides.slice(1).map((side, k) => ({
      side: side.name,
      against: sides[0].name,
      throughput: ratio('requests_per_second', k + 1),
      p50: ratio('p50_ms', k + 1),
      p99: ratio('p99_ms', k + 1),
    })),
  };
}

export { median, round };

/** A process's `/proc/<pid>/stat` fields after the command name (field 3 onwards), or null. */
function statOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far (user + system), from /proc. */
export function cpuSecondsOf(pid) {
  const fields = statOf(pid);
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second).
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
}

/**
 * CPU seconds a process and its children have used so far: its own, every live child's, and
 * what the children that have exited used (its cutime and cstime, fields 16 and 17). For a
 * PostgreSQL server, read from its postmaster: backends, checkpointer, WAL writer, autovacuum.
 * Counting backends one by one loses the CPU of every backend that exits between two readings,
 * and the API closes a connection whose statement it cancelled when a client went away, as
 * wrk's connections do at the end of each of its runs. For several API processes (`processes`
 * of startApi), read from their primary.
 */
export function treeCpuSecondsOf(parent) {
  const own = statOf(parent);
  if (!own) return 0;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statOf(entry);
    // ppid is field 4 of the whole line.
    if (fields && Number(fields[1]) === parent) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return ticks / 100;
}

/** The process id of the postmaster of the server `client` is connected to, on this machine. */
export async function postmasterOf(client) {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  return Number(statOf(rows[0].pid)[1]);
}
