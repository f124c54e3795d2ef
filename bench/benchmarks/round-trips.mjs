// Messages and statements per request, counted at the driver: the tenant context and the
// membership check travel in the request's first message, and a request's statements are its
// data statements plus BEGIN and COMMIT.
import { withClient } from '../lib/db.mjs';
import { inProcessApi } from '../lib/in-process.mjs';
import { captureQueries, classify, sampleIds, statementsIn } from '../lib/plans.mjs';
import { target } from '../lib/report.mjs';

export async function run(context) {
  const data = await context.dataset('main');
  const org = data.orgs[0];
  const ids = await withClient(data.ownerUrl, (client) => sampleIds(client, org));
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
