// One organization runs a dozen broad searches at once; another, small one lists its leads.
// The small organization's list latency with the noise, over its latency alone: admission
// control must keep it within 3x at p95 (docs/operations.md, "Limits, fairness and overload").
import { load, round, startApi, summarize, tokenFor } from '../lib/api.mjs';
import { target } from '../lib/report.mjs';

const NOISY_SEARCHES = 12;
const SECONDS = 8;

export async function run(context) {
  const data = await context.dataset('skewGiant');
  // The shipped defaults for a pool of 10 (no share settings given), then the same pool with
  // no shares: what one organization did to the others before admission control.
  const defaults = { ORG_MAX_ACTIVE: '', USER_MAX_ACTIVE: '', MAX_EVENT_LOOP_DELAY_MS: '' };
  const shipped = await measure(data, defaults);
  const unshared = await measure(data, {
    ...defaults,
    ORG_MAX_ACTIVE: '10',
    USER_MAX_ACTIVE: '10',
  });
  return {
    targets: { quiet_list_p95_ratio: target(shipped.ratio, '<=', 3) },
    without_shares_p95_ratio: unshared.ratio,
    table: [
      ...shipped.table.map((row) => ({ shares: 'default', ...row })),
      ...unshared.table.map((row) => ({ shares: 'none', ...row })),
    ],
  };
}

async function measure(data, env) {
  const giant = data.orgs.find((org) => org.name === 'Giant');
  const small = data.orgs.find((org) => org.name === 'Small');
  const api = await startApi({ appUrl: data.appUrl, poolSize: 10, env });
  try {
    const [noisyToken, quietToken] = await Promise.all([tokenFor(giant), tokenFor(small)]);
    const quiet = () => ({ path: '/api/v1/leads?limit=50', token: quietToken });
    // One- and two-letter prefixes: the broadest searches there are.
    const prefixes = ['a', 'e', 'ma', 'jo', 'r', 'an'];
    let i = 0;
    const noisy = () => ({
      path: `/api/v1/search?q=${prefixes[(i += 1) % prefixes.length]}`,
      token: noisyToken,
    });

    // The quiet organization's refusals are counted, not hidden: each is a failure to serve it.
    await load(api, quiet, { concurrency: 1, seconds: 2, tolerate: true });
    const alone = await load(api, quiet, { concurrency: 1, seconds: SECONDS, tolerate: true });
    const searchAlone = await load(api, noisy, {
      concurrency: 1,
      requests: 6,
      seconds: 60,
      tolerate: true,
    });

    // The noise runs for as long as the quiet organization is measured, and a little longer.
    let stop = false;
    const noise = load(api, () => (stop ? null : noisy()), {
      concurrency: NOISY_SEARCHES,
      seconds: SECONDS + 2,
      tolerate: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const beside = await load(api, quiet, { concurrency: 1, seconds: SECONDS, tolerate: true });
    stop = true;
    const noiseResult = await noise;

    const idle = summarize(alone.latencies, alone.seconds);
    const busy = summarize(beside.latencies, beside.seconds);
    return {
      ratio: round(busy.p95_ms / idle.p95_ms, 2),
      table: [
        { side: 'small organization list, alone', refused: alone.refused, ...idle },
        {
          side: `… beside ${NOISY_SEARCHES} broad searches of another`,
          refused: beside.refused,
          ...busy,
        },
        { side: 'broad search alone', ...summarize(searchAlone.latencies, searchAlone.seconds) },
        {
          side: "the noisy organization's searches",
          refused: noiseResult.refused,
          ...summarize(noiseResult.latencies, noiseResult.seconds),
        },
      ],
    };
  } finally {
    await api.stop();
  }
}
