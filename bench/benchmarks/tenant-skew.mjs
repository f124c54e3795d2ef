// A small organization's list and count, alone with four peers (the baseline), beside 1,000
// tiny organizations, and beside one giant organization holding half of all rows.
import pg from 'pg';
import { compare, median, percentile, round, startApi, tokenFor } from '../lib/api.mjs';
import { inProcessApi } from '../lib/in-process.mjs';
import { captureQueries } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

const REQUESTS = [
  ['list', '/api/v1/leads?limit=50'],
  ['count', '/api/v1/leads?limit=1&count=true'],
];
const REPLAYS = 400;

const LAYOUTS = [
  ['skewBase', '5 organizations'],
  ['skewMany', '+ 1,000 tiny organizations'],
  ['skewGiant', '+ 1 giant organization (half the rows)'],
];

export async function run(context) {
  const apis = [];
  try {
    const sides = [];
    for (const [name, label] of LAYOUTS) {
      const data = await context.dataset(name);
      const small = data.orgs.find((org) => org.name === 'Small');
      const api = await startApi({ appUrl: data.appUrl, poolSize: 4 });
      apis.push(api);
      sides.push({
        label,
        api,
        token: await tokenFor(small),
        rows: data.orgs.reduce((s, o) => s + o.leads, 0),
      });
    }
    const targets = {};
    const table = [];
    for (const [request, path] of REQUESTS) {
      const result = await compare(
        sides.map((side) => ({
          name: side.label,
          api: side.api,
          next: () => ({ path, token: side.token }),
        })),
        { concurrency: 2, rounds: 4, seconds: 1.5, warmup: 1 },
      );
      result.sides.forEach((figures, i) => {
        const ratio = result.ratios[i - 1];
        table.push({
          request,
          layout: figures.name,
          'leads in database': sides[i].rows,
          'p50 ms': figures.p50_ms,
          'p99 ms': figures.p99_ms,
          'req/s': figures.requests_per_second,
          'p50 ratio': ratio ? ratio.p50 : 1,
        });
      });
    }
    const database = await replayed(context);
    for (const row of database) {
      if (row['median ratio'] !== 1)
        targets[`${row.request} ${row.layout}`] = target(row['median ratio'], '<=', 1.2);
    }
    return { targets, table, database };
  } finally {
    for (const api of apis) await api.stop();
  }
}

/**
 * The database's share, without HTTP or Node: the messages the API sends for each request
 * (captured at the driver, opening and COMMIT included) replayed on one connection as the API's
 * role, the layouts interleaved request by request. Milliseconds per request.
 */
async function replayed(context) {
  const layouts = [];
  for (const [name, label] of LAYOUTS) {
    const data = await context.dataset(name);
    const small = data.orgs.find((org) => org.name === 'Small');
    const api = await inProcessApi(data.appUrl);
    const inject = await api.injectorFor(small);
    const requests = [];
    for (const [request, path] of REQUESTS)
      requests.push({ request, calls: (await captureQueries(() => inject(path))).calls });
    await api.close();
    const client = new pg.Client({ connectionString: data.appUrl });
    await client.connect();
    layouts.push({ label, client, requests });
  }
  try {
    const rows = [];
    for (const [k, [request]] of REQUESTS.entries()) {
      const times = layouts.map(() => []);
      for (let i = 0; i < REPLAYS + 50; i += 1) {
        for (const [j, layout] of layouts.entries()) {
          const started = performance.now();
          for (const call of layout.requests[k].calls)
            await layout.client.query(call.text, call.values);
          if (i >= 50) times[j].push(performance.now() - started);
        }
      }
      const base = median(times[0]);
      for (const [j, layout] of layouts.entries()) {
        const sorted = [...times[j]].sort((a, b) => a - b);
        rows.push({
          request,
          layout: layout.label,
          'median ms': round(median(sorted), 3),
          'p95 ms': round(percentile(sorted, 95), 3),
          'median ratio': round(median(sorted) / base, 3),
        });
      }
    }
    return rows;
  } finally {
    for (const layout of layouts) await layout.client.end();
  }
}
