// The SQL the API really sends, captured at the driver, and the plans PostgreSQL makes for it
// under the tenant policy. Shared by the plans benchmark and server/test/plans.test.ts.
import pg from 'pg';

/** A page of leads by a range of a custom field most of them are in (bench/lib/data.mjs). */
export const WIDE_RANGE_LIST = '/api/v1/leads?cf=score:gte:0&cf=score:lte:899';

/** The hot reads of the API, for one organization whose record ids are given. */
export function hotRoutes(ids) {
  const v1 = '/api/v1';
  const lists = {
    leads: [
      'created_at',
      'updated_at',
      'last_name',
      'company',
      'status',
      'next_follow_up_at',
      'estimated_value',
    ],
    accounts: ['name', 'created_at', 'updated_at', 'annual_revenue', 'employees'],
    contacts: ['last_name', 'created_at', 'updated_at'],
    deals: ['created_at', 'updated_at', 'name', 'amount', 'expected_close_date'],
    tasks: ['due_at', 'created_at', 'priority'],
  };
  const routes = [];
  for (const [list, sorts] of Object.entries(lists)) {
    routes.push(`${v1}/${list}?limit=50`, `${v1}/${list}?limit=50&count=true`);
    for (const sort of sorts)
      routes.push(`${v1}/${list}?sort=${sort}`, `${v1}/${list}?sort=-${sort}`);
    if (list !== 'tasks') {
      routes.push(
        `${v1}/${list}?owner_id=${ids.userId}&count=true`,
        `${v1}/${list}?tag_id=${ids.tagId}&count=true`,
        `${v1}/${list}?created_from=2026-01-01T00:00:00Z&created_to=2026-06-01T00:00:00Z`,
        `${v1}/${list}?updated_from=2026-01-01T00:00:00Z`,
        `${v1}/${list}?q=mar&count=true`,
        `${v1}/${list}?q=${encodeURIComponent('maria gar')}`,
      );
    }
  }
  routes.push(
    `${v1}/leads?status=qualified&count=true`,
    `${v1}/leads?status=new&status=contacted`,
    `${v1}/leads?source=referral&count=true`,
    `${v1}/leads?rating=hot&count=true`,
    `${v1}/leads?status=new&sort=last_name`,
    // Custom fields: each condition a semi-join on the values' indexes (decision 0008).
    `${v1}/leads?cf=${encodeURIComponent(`tier:eq:${ids.tierOptionId}`)}&count=true`,
    `${v1}/leads?cf=${encodeURIComponent(`tier:any:${ids.tierOptionId},${ids.otherTierOptionId}`)}`,
    `${v1}/leads?cf=score:gte:100&cf=score:lte:120&count=true`,
    // A wide range (a fifth of the leads: the page walks the records and probes each one's
    // value) and a narrow one (read from the value's index, its records looked up).
    `${v1}/leads?cf=score:gte:100&cf=score:lte:300`,
    `${v1}/leads?cf=score:gte:100&cf=score:lte:101`,
    // Nine tenths of the leads, however few (at least WIDE of them even in the plan
    // gate's test data): the page walks the list's order, its total reads the range.
    `${WIDE_RANGE_LIST}&count=true`,
    `${v1}/leads?cf=renewal:lte:2026-02-01&sort=last_name`,
    `${v1}/leads?cf=region_code:eq:R7&count=true`,
    `${v1}/leads?cf=renewal:not_empty&count=true`,
    `${v1}/leads?cf=renewal:empty`,
    `${v1}/leads/export?cf=region_code:eq:R7`,
    `${v1}/leads?sort=cf.score`,
    `${v1}/leads?sort=-cf.score&count=true`,
    `${v1}/leads?sort=cf.renewal&status=new`,
    `${v1}/leads?sort=-cf.region_code`,
    // A select in the order of its options: one index range per option (decision 0008).
    `${v1}/leads?sort=cf.tier`,
    `${v1}/leads?sort=-cf.tier&count=true`,
    `${v1}/leads?sort=cf.tier&status=new`,
    `${v1}/custom-fields?record_type=lead`,
    `${v1}/leads/${ids.leadId}`,
    `${v1}/accounts?industry=Labs&count=true`,
    `${v1}/accounts/${ids.accountId}`,
    `${v1}/contacts?account_id=${ids.accountId}`,
    `${v1}/contacts/${ids.contactId}`,
    `${v1}/deals?pipeline_id=${ids.pipelineId}&count=true`,
    `${v1}/deals?stage_id=${ids.stageId}&count=true`,
    `${v1}/deals?status=open&count=true`,
    `${v1}/deals?account_id=${ids.accountId}`,
    `${v1}/deals?close_from=2026-01-01&close_to=2026-12-31`,
    `${v1}/deals/${ids.dealId}`,
    `${v1}/pipelines/${ids.pipelineId}/board`,
    `${v1}/pipelines`,
    `${v1}/tasks?mine=true&status=open&status=in_progress`,
    `${v1}/tasks?view=today`,
    `${v1}/tasks?view=overdue&count=true`,
    `${v1}/tasks?view=upcoming`,
    `${v1}/tasks?lead_id=${ids.leadId}`,
    `${v1}/tasks?priority=urgent&count=true`,
    `${v1}/tasks/${ids.taskId}`,
    `${v1}/notes?lead_id=${ids.leadId}`,
    `${v1}/notes/${ids.noteId}`,
    `${v1}/notes?deal_id=${ids.dealId}`,
    `${v1}/notes?account_id=${ids.accountId}`,
    // A record page opens with its timeline; an account's includes its contacts' and deals'.
    `${v1}/leads/${ids.leadId}/timeline`,
    `${v1}/leads/${ids.leadId}/timeline?types=note`,
    `${v1}/contacts/${ids.contactId}/timeline?types=task,change`,
    `${v1}/accounts/${ids.accountId}/timeline`,
    `${v1}/deals/${ids.dealId}/timeline?types=stage,file`,
    `${v1}/accounts/${ids.accountId}/timeline?types=email`,
    `${v1}/files?lead_id=${ids.leadId}`,
    `${v1}/files/${ids.fileId}`,
    `${v1}/tags`,
    `${v1}/search?q=mar`,
    `${v1}/search?q=${encodeURIComponent('maria gar')}`,
    `${v1}/search?q=acme`,
    `${v1}/search?q=jo`,
    `${v1}/dashboard`,
    `${v1}/leads/duplicates?email=maria@example.com&first_name=Maria&last_name=Garcia&company=Acme`,
    `${v1}/contacts/duplicates?email=maria@example.com&first_name=Maria&last_name=Garcia&phone=555-0100-200`,
    `${v1}/accounts/duplicates?name=Acme%20Labs&domain=acme.example`,
    // The duplicates page: groups read by GROUP BY over (org_id, key) indexes, then members.
    `${v1}/leads/duplicates/groups`,
    `${v1}/contacts/duplicates/groups`,
    `${v1}/accounts/duplicates/groups`,
    // Exports read every row of a list, with each name looked up by its full key.
    `${v1}/leads/export?status=qualified`,
    `${v1}/leads/export?q=mar&sort=last_name`,
    `${v1}/accounts/export?tag_id=${ids.tagId}`,
    `${v1}/contacts/export?account_id=${ids.accountId}`,
    `${v1}/deals/export?pipeline_id=${ids.pipelineId}`,
    // An admin follows a restore's progress every second or so.
    `${v1}/restores`,
    `${v1}/restores/${ids.restoreId}`,
    // The calendar's week and month views, and the feed's settings.
    `${v1}/calendar/tasks?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z`,
    `${v1}/calendar/tasks?from=2026-02-23T00:00:00Z&to=2026-04-06T00:00:00Z`,
    `${v1}/calendar/feed`,
    `${v1}/web-forms`,
    // Every list page opens with its saved views.
    `${v1}/views?kind=lead`,
  );
  return routes;
}

/** Ids of one organization's records, for hotRoutes, read as the owner. */
export async function sampleIds(client, org) {
  const one = async (text) => (await client.query(text, [org.id])).rows[0]?.id;
  return {
    orgId: org.id,
    userId: org.userId,
    leadId: await one(
      'SELECT lead_id AS id FROM notes WHERE org_id = $1 AND lead_id IS NOT NULL LIMIT 1',
    ),
    accountId: await one(
      'SELECT account_id AS id FROM contacts WHERE org_id = $1 AND account_id IS NOT NULL LIMIT 1',
    ),
    contactId: await one('SELECT id FROM contacts WHERE org_id = $1 LIMIT 1'),
    dealId: await one('SELECT id FROM deals WHERE org_id = $1 LIMIT 1'),
    pipelineId: await one('SELECT id FROM pipelines WHERE org_id = $1 AND is_default'),
    stageId: await one(
      "SELECT id FROM pipeline_stages WHERE org_id = $1 AND kind = 'open' ORDER BY position LIMIT 1",
    ),
    tagId: await one('SELECT id FROM tags WHERE org_id = $1 ORDER BY name LIMIT 1'),
    taskId: await one('SELECT id FROM tasks WHERE org_id = $1 LIMIT 1'),
    noteId: await one('SELECT id FROM notes WHERE org_id = $1 LIMIT 1'),
    fileId: await one('SELECT id FROM files WHERE org_id = $1 LIMIT 1'),
    restoreId: await one('SELECT id FROM org_restores WHERE org_id = $1 LIMIT 1'),
    tierOptionId: await one(
      'SELECT id FROM custom_field_options WHERE org_id = $1 ORDER BY position LIMIT 1',
    ),
    otherTierOptionId: await one(
      'SELECT id FROM custom_field_options WHERE org_id = $1 ORDER BY position DESC LIMIT 1',
    ),
  };
}

/**
 * Runs `work` while recording every call to pg's Client#query in this process: one call is one
 * message to the server (a simple query, or parse/bind/execute/sync sent together).
 */
export async function captureQueries(work) {
  const original = pg.Client.prototype.query;
  const calls = [];
  pg.Client.prototype.query = function query(config, values, callback) {
    // A pipelined opening (server/src/db/pool.ts) carries the statements that go before its text.
    let text = typeof config === 'string' ? config : config?.text;
    if (text !== undefined && config?.leading) text = [...config.leading, text].join('; ');
    if (text !== undefined)
      calls.push({ text, values: Array.isArray(values) ? values : config?.values });
    return original.call(this, config, values, callback);
  };
  try {
    const result = await work();
    return { result, calls };
  } finally {
    pg.Client.prototype.query = original;
  }
}

const CONTROL = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/** How a captured call counts: the opening of a tenant transaction, its end, or data. */
export function classify(call) {
  if (CONTROL.test(call.text)) return 'end';
  if (/^\s*BEGIN\s*;/i.test(call.text)) return 'opening';
  return 'data';
}

/** Statements in one call: the opening carries BEGIN and its SELECT. */
export function statementsIn(call) {
  return call.text.split(';').filter((part) => part.trim() !== '').length;
}

/**
 * The tenant tables (org_id and RLS) and those so small that reading them whole is cheaper
 * than an index, where a sequential scan is the right plan at any tenant count.
 */
export async function tableFacts(client) {
  const { rows } = await client.query(`
    SELECT c.relname, c.relpages FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity`);
  return {
    tenant: new Set(rows.map((r) => r.relname)),
    tiny: new Set(rows.filter((r) => r.relpages <= 8).map((r) => r.relname)),
  };
}

function* nodesOf(plan) {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodesOf(child);
}

const POLICY = /verified_org\(/;

/** Index conditions beneath a bitmap heap scan. */
function bitmapConditions(node) {
  return [...nodesOf(node)].map((n) => n['Index Cond'] ?? '').join(' ');
}

/** The plan in brief: how each table is read. */
function scansOf(plan) {
  return [...nodesOf(plan)]
    .filter((node) => node['Relation Name'])
    .map((node) =>
      [
        node['Node Type'],
        node['Relation Name'],
        node['Index Name'] && `using ${node['Index Name']}`,
      ]
        .filter(Boolean)
        .join(' '),
    );
}

/** What is wrong with one plan: sequential scans of tenant tables, or the policy as a filter. */
export function planProblems(plan, facts) {
  const problems = [];
  for (const node of nodesOf(plan)) {
    const table = node['Relation Name'];
    if (!table || !facts.tenant.has(table)) continue;
    const type = node['Node Type'];
    if (type === 'Seq Scan') {
      if (!facts.tiny.has(table)) problems.push(`sequential scan of ${table}`);
      continue;
    }
    const conditions =
      type === 'Bitmap Heap Scan' ? bitmapConditions(node) : (node['Index Cond'] ?? '');
    if (!/\borg_id\b/.test(conditions)) {
      const filter = node.Filter ?? node['Recheck Cond'] ?? '';
      problems.push(
        `${type} of ${table} without org_id in its index condition${POLICY.test(filter) ? ' (the policy is a filter)' : ''}`,
      );
    }
  }
  return problems;
}

/**
 * What is wrong with one plan explained without row-level security: a read of a tenant table
 * whose conditions do not pin it to `orgId`, directly or through a join on `org_id` (the
 * planner carries the constant across such a join). Statements must name their organization
 * on their own, so that they would isolate tenants even with the wall down.
 */
export function pinningProblems(plan, facts, orgId) {
  const problems = [];
  const pinned = new RegExp(`org_id = ('${orgId}'::uuid|\\w+\\.org_id)`);
  for (const node of nodesOf(plan)) {
    const table = node['Relation Name'];
    if (!table || !facts.tenant.has(table) || node['Node Type'] === 'ModifyTable') continue;
    const conditions = [
      node['Node Type'] === 'Bitmap Heap Scan' ? bitmapConditions(node) : node['Index Cond'],
      node.Filter,
      node['Recheck Cond'],
    ].join(' ');
    if (!pinned.test(conditions)) {
      problems.push(`${node['Node Type']} of ${table} not pinned to the organization`);
    }
  }
  return problems;
}

/**
 * Calls each route through `inject(url) -> { statusCode, body }`, capturing the SQL it sends,
 * then explains every data statement with its parameters inside the same tenant context, on
 * `explainClient` (a connection as the API's role), entered with the proof `proveContext(org,
 * user)` signs. Lists are also read at their second page.
 */
export async function checkRoutes({
  routes,
  inject,
  explainClient,
  org,
  facts,
  proveContext,
  problemsOf = (plan) => planProblems(plan, facts),
}) {
  const results = [];
  const visit = async (url) => {
    const { result: response, calls } = await captureQueries(() => inject(url));
    if (response.statusCode !== 200) {
      results.push({
        url,
        problems: [`answered ${response.statusCode}: ${response.body.slice(0, 200)}`],
      });
      return undefined;
    }
    const statements = [];
    for (const call of calls.filter((c) => classify(c) === 'data')) {
      await explainClient.query('BEGIN');
      try {
        await explainClient.query("SELECT set_config('app.tenant_proof', $1, true)", [
          proveContext(org.id, org.userId),
        ]);
        const { rows } = await explainClient.query(
          `EXPLAIN (FORMAT JSON) ${call.text}`,
          call.values,
        );
        const plan = rows[0]['QUERY PLAN'][0].Plan;
        statements.push({
          sql: call.text,
          problems: problemsOf(plan),
          scans: scansOf(plan),
        });
      } finally {
        await explainClient.query('ROLLBACK');
      }
    }
    results.push({
      url,
      statements: statements.length,
      problems: statements.flatMap((s) => s.problems.map((p) => `${p} in: ${s.sql}`)),
      plans: statements,
    });
    // Exports answer CSV, which has no next page.
    return url.includes('/export') ? undefined : JSON.parse(response.body);
  };
  for (const url of routes) {
    const body = await visit(url);
    if (body?.next_cursor) {
      await visit(`${url}${url.includes('?') ? '&' : '?'}cursor=${body.next_cursor}`);
    }
  }
  return results;
}
