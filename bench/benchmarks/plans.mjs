// Every hot read of the API, captured as it is sent and explained as the API's role inside
// the tenant context: no sequential scan of a tenant table, the policy never a filter.
import pg from 'pg';
import { benchContextKey, withClient } from '../lib/db.mjs';
import { inProcessApi } from '../lib/in-process.mjs';
import { checkRoutes, hotRoutes, sampleIds, tableFacts } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

export async function run(context) {
  const data = await context.dataset('main');
  const org = data.orgs[0];
  const ids = await withClient(data.ownerUrl, (client) => sampleIds(client, org));
  const facts = await withClient(data.ownerUrl, tableFacts);
  const api = await inProcessApi(data.appUrl);
  const explainClient = new pg.Client({ connectionString: data.appUrl });
  await explainClient.connect();
  try {
    const results = await checkRoutes({
      routes: hotRoutes(ids),
      inject: await api.injectorFor(org),
      explainClient,
      proveContext: (orgId, userId) => benchContextKey.proveContext(orgId, userId),
      org,
      facts,
    });
    const problems = results.flatMap((r) => r.problems.map((p) => `${r.url}: ${p}`));
    return {
      targets: { plan_problems: target(problems.length, '<=', 0) },
      problems,
      table: [
        {
          routes: results.length,
          statements: results.reduce((sum, r) => sum + (r.statements ?? 0), 0),
          problems: problems.length,
        },
      ],
      detail: results.map((r) => ({
        url: r.url,
        // The statement's start names it; the full text is in the route's code.
        statements: (r.plans ?? []).map((s) => ({
          sql: s.sql.replace(/\s+/g, ' ').slice(0, 160),
          problems: s.problems,
          scans: s.scans,
        })),
      })),
    };
  } finally {
    await explainClient.end();
    await api.close();
  }
}
