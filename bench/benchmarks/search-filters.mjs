// Search and list filters under RLS against the same routes on the BYPASSRLS role with the
// org_id filter in the SQL: each at most 1.5 times slower.
import { compare, startApi, tokenFor } from '../lib/api.mjs';
import { withClient } from '../lib/db.mjs';
import { sampleIds } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

export async function run(context) {
  const data = await context.dataset('main');
  const org = data.orgs[0];
  const ids = await withClient(data.ownerUrl, (client) => sampleIds(client, org));
  const token = await tokenFor(org);
  const queries = [
    'search?q=mar',
    `search?q=${encodeURIComponent('maria gar')}`,
    'search?q=acme',
    'search?q=jo',
    'leads?q=mar&limit=50',
    `leads?q=${encodeURIComponent('maria gar')}&count=true`,
    'leads?status=qualified&count=true',
    'leads?source=referral&rating=hot',
    `leads?tag_id=${ids.tagId}&count=true`,
    `leads?owner_id=${ids.userId}&sort=last_name`,
    'accounts?q=acme&count=true',
    'contacts?q=mar',
    'deals?status=open&count=true',
    'tasks?view=overdue&count=true',
  ];
  const api = await startApi({ appUrl: data.appUrl, explicitUrl: data.explicitUrl, poolSize: 10 });
  try {
    const rows = [];
    const targets = {};
    for (const query of queries) {
      const result = await compare(
        [
          { name: 'explicit', api, next: () => ({ path: `/bench/explicit/v1/${query}`, token }) },
          { name: 'RLS', api, next: () => ({ path: `/api/v1/${query}`, token }) },
        ],
        { concurrency: 2, rounds: 4, seconds: 1, warmup: 0.5 },
      );
      const [explicit, rls] = result.sides;
      const [ratio] = result.ratios;
      // Latency at the same load: the median of per-round p50 ratios is the slowdown.
      targets[query] = target(ratio.p50, '<=', 1.5);
      rows.push({
        query: decodeURIComponent(query),
        'explicit p50 ms': explicit.p50_ms,
        'RLS p50 ms': rls.p50_ms,
        'explicit req/s': explicit.requests_per_second,
        'RLS req/s': rls.requests_per_second,
        'p50 ratio': ratio.p50,
        'req/s ratio': ratio.throughput,
      });
    }
    return { targets, table: rows };
  } finally {
    await api.stop();
  }
}
