// Messages and statements per request, counted at the driver: the tenant context and the
// membership check travel in the request's first message, and a request's statements are its
// data statements plus BEGIN and COMMIT.
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_ROLE, withClient } from '../lib/db.mjs';
import { inProcessApi } from '../lib/in-process.mjs';
import { captureQueries, classify, sampleIds, statementsIn } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

const TENANT_CHECKED = [
  '/api/v1/leads?limit=50',
  '/api/v1/accounts?limit=50',
  '/api/v1/deals?limit=50',
];

/**
 * Calls of `verified_org()`, the policies' tenant check, per request of each of `urls`: counted
 * by `track_functions` (set for the API's role in this database while it runs) in the API's
 * own backends, which report their counts when they close.
 */
async function tenantChecks(data, org, urls, requests = 20) {
  const calls = () =>
    withClient(data.ownerUrl, async (client) => {
      const { rows } = await client.query(
        `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_user_functions
         WHERE funcname = 'verified_org'`,
      );
      return rows[0].calls;
    });
  const tracking = (setting) =>
    withClient(data.ownerUrl, async (client) => {
      const { rows } = await client.query('SELECT current_database() AS name');
      await client.query(`ALTER ROLE ${APP_ROLE} IN DATABASE "${rows[0].name}" ${setting}`);
    });
  await tracking("SET track_functions = 'all'");
  try {
    const perRequest = {};
    for (const url of urls) {
      const before = await calls();
      const api = await inProcessApi(data.appUrl);
      try {
        const inject = await api.injectorFor(org);
        for (let i = 0; i < requests; i += 1) await inject(url);
      } finally {
        await api.close();
      }
      await sleep(1_000);
      perRequest[url] = Math.round(((await calls()) - before) / requests);
    }
    return perRequest;
  } finally {
    await tracking('RESET track_functions');
  }
}

export async function run(context) {
  const data = await context.dataset('main');
  const org = data.orgs[0];
  const ids = await withClient(data.ownerUrl, (client) => sampleIds(client, org));
  // First, while no other connection of the API holds counts it has yet to report.
  const checks = await tenantChecks(data, org, TENANT_CHECKED);
  const api = await inProcessApi(data.appUrl);
  const routes = [
    '/api/v1/leads?limit=50',
    '/api/v1/leads?limit=50&count=true',
    `/api/v1/leads/${ids.leadId}`,
    '/api/v1/accounts?limit=50',
    `/api/v1/contacts/${ids.contactId}`,
    '/api/v1/deals?limit=50',
    `/api/v1/pipelines/${ids.pipelineId}/board`,
    '/api/v1/tasks?view=today',
    `/api/v1/notes?lead_id=${ids.leadId}`,
    '/api/v1/search?q=mar',
    '/api/v1/dashboard',
  ];
  try {
    const inject = await api.injectorFor(org);
    const rows = [];
    for (const url of routes) {
      const { result, calls } = await captureQueries(() => inject(url));
      if (result.statusCode !== 200) throw new Error(`${url}: ${result.statusCode}`);
      const kinds = calls.map(classify);
      const opening = calls[0];
      const statements = calls.reduce((sum, call) => sum + statementsIn(call), 0);
      // The opening's SELECT is the membership check, a read the request needs with or without
      // RLS: it counts as data, and BEGIN rides in front of it.
      const dataStatements = kinds.filter((k) => k === 'data').length + 1;
      rows.push({
        route: url.replace(/[0-9a-f-]{36}/g, ':id'),
        messages: calls.length,
        statements,
        'data statements': dataStatements,
        'context in first message':
          kinds[0] === 'opening' &&
          /set_config\('app\.tenant_proof'/.test(opening.text) &&
          /memberships/.test(opening.text),
        'within data + BEGIN + COMMIT': statements <= dataStatements + 2,
      });
    }
    for (const row of rows) row['tenant checks'] = checks[row.route] ?? null;
    const entering = rows.every((r) => r['context in first message']);
    const bounded = rows.every((r) => r['within data + BEGIN + COMMIT']);
    return {
      targets: {
        context_and_membership_in_one_message: target(entering ? 1 : 0, '>=', 1),
        statements_within_data_plus_two: target(bounded ? 1 : 0, '>=', 1),
      },
      table: rows,
    };
  } finally {
    await api.close();
  }
}
