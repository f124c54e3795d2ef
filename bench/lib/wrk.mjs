// Load from wrk (Debian's `wrk`), a native load generator: it takes a fraction of the CPU the
// Node generator in `api.mjs` takes from the same two cores, and reports its own.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { round } from './api.mjs';

const run = promisify(execFile);

export function wrkAvailable() {
  return !spawnSync('wrk', ['-v']).error;
}

/**
 * `requests` (`{ path, token }`, one chosen at random per request) from `concurrency`
 * connections for `seconds`: rate, latency percentiles, answers other than 2xx/3xx, and the CPU
 * seconds wrk itself used (its shell's waited-for children's time, read once wrk has exited).
 */
export async function wrkLoad(api, requests, { concurrency, seconds }) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rampart-wrk-'));
  const script = path.join(folder, 'requests.lua');
  const quoted = (text) => JSON.stringify(text);
  writeFileSync(
    script,
    `local requests = {${requests
      .map((r) => `{ ${quoted(r.path)}, ${r.token ? quoted(`Bearer ${r.token}`) : 'nil'} }`)
      .join(',\n')}}
math.randomseed(os.time())
request = function()
  local r = requests[math.random(#requests)]
  local headers = {}
  if r[2] then headers["Authorization"] = r[2] end
  return wrk.format("GET", r[1], headers)
end
done = function(summary, latency)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"micros":%d,"p50":%d,"p95":%d,"p99":%d,"refused":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.status + e.connect + e.read + e.write + e.timeout))
end
`,
  );
  try {
    const { stdout } = await run('sh', [
      '-c',
      'wrk "$@" && cat /proc/$$/stat',
      'sh',
      '-t1',
      `-c${concurrency}`,
      `-d${seconds}s`,
      '-s',
      script,
      `http://127.0.0.1:${api.port}`,
    ]);
    const result = JSON.parse(/RESULT (\{.*\})/.exec(stdout)[1]);
    // cutime and cstime: fields 16 and 17 of the shell's stat line, in clock ticks.
    const stat = stdout.trim().split('\n').at(-1).split(') ')[1].split(' ');
    const took = result.micros / 1e6;
    return {
      requests: result.requests,
      seconds: took,
      refused: result.refused,
      requests_per_second: round(result.requests / took, 1),
      p50_ms: round(result.p50 / 1000),
      p95_ms: round(result.p95 / 1000),
      p99_ms: round(result.p99 / 1000),
      cpuSeconds: (Number(stat[13]) + Number(stat[14])) / 100,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
