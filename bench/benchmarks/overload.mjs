// Twice as many requests as the API can serve: it must refuse the excess fast with 503 and
// keep serving at least 80 % of its peak, instead of queueing everything until nothing
// answers in time. Open-loop arrivals (a new request every 1/rate s, whatever is in flight),
// as real clients arrive; a client gives up after 5 s and closes its connection.
import http from 'node:http';
import { get, load, round, startApi, summarize, tokenFor } from '../lib/api.mjs';
import { target } from '../lib/report.mjs';

const PATH = '/api/v1/leads?limit=50';
const SECONDS = 10;
const CLIENT_TIMEOUT_MS = 5_000;

export async function run(context) {
  const data = await context.dataset('main');
  const tokens = await Promise.all(data.orgs.map(tokenFor));
  // The shipped defaults for a pool of 10.
  const api = await startApi({
    appUrl: data.appUrl,
    poolSize: 10,
    env: { ORG_MAX_ACTIVE: '', USER_MAX_ACTIVE: '', MAX_EVENT_LOOP_DELAY_MS: '' },
  });
  // As many sockets as arrivals need: an overload is many clients, not a few queued ones.
  api.agent = new http.Agent({ keepAlive: true, maxSockets: 2_000 });
  const next = () => ({ path: PATH, token: tokens[Math.floor(Math.random() * tokens.length)] });
  try {
    // The peak: closed-loop load at the concurrency that keeps both cores busy.
    // Answers other than 200 (503 while the process lags) are counted, not taken for throughput.
    await load(api, next, { concurrency: 20, seconds: 3, tolerate: true });
    const closed = await load(api, next, { concurrency: 20, seconds: SECONDS, tolerate: true });
    const peak = { ...summarize(closed.latencies, closed.seconds), refused: closed.refused };

    const over = await openLoop(api, next, peak.requests_per_second * 2, SECONDS);
    const ratio = round(over.succeededPerSecond / peak.requests_per_second, 3);
    return {
      targets: { throughput_at_2x_overload_ratio: target(ratio, '>=', 0.8) },
      table: [
        { load: 'peak (20 in flight)', ...peak },
        {
          load: `2x the peak: ${Math.round(peak.requests_per_second * 2)} arrivals/s`,
          requests: over.sent,
          'answered 200 /s': round(over.succeededPerSecond, 1),
          'refused 503': over.refused,
          'client gave up': over.timedOut,
          'p50 ms (200)': over.p50_ms,
          'p99 ms (200)': over.p99_ms,
          'last answer after arrivals stopped (s)': over.drainSeconds,
        },
      ],
    };
  } finally {
    await api.stop();
  }
}

async function openLoop(api, next, rate, seconds) {
  const latencies = [];
  let refused = 0;
  let timedOut = 0;
  let sent = 0;
  const pending = new Set();
  const started = performance.now();
  const end = started + seconds * 1000;
  while (performance.now() < end) {
    const due = started + (sent / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path, token } = next();
    const sentAt = performance.now();
    sent += 1;
    const request = get(api, path, token, { tolerate: true, timeoutMs: CLIENT_TIMEOUT_MS }).then(
      (status) => {
        // Only answers that came in while the load ran count towards its throughput.
        if (status === 200 && performance.now() <= end) latencies.push(performance.now() - sentAt);
        else if (status === 503) refused += 1;
        else if (status === 0) timedOut += 1;
        pending.delete(request);
      },
    );
    pending.add(request);
  }
  const stopped = performance.now();
  await Promise.all(pending);
  const sorted = summarize(latencies, seconds);
  return {
    sent,
    refused,
    timedOut,
    succeededPerSecond: latencies.length / seconds,
    p50_ms: sorted.p50_ms,
    p99_ms: sorted.p99_ms,
    drainSeconds: round((performance.now() - stopped) / 1000, 2),
  };
}
