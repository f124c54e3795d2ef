import { captureQueries, classify } from '../../../bench/lib/plans.mjs';
import { asApiRole } from './as-tenant.js';
import type { SignedUp, TestApp } from './test-app.js';

type PlanNode = Record<string, unknown>;

/** Planner settings to plan a statement under, instead of the app role's (`random_page_cost`…). */
export type PlannerSettings = Readonly<Record<string, string>>;

/**
 * The statement of `request` that reads every one of `relations`, run again as `who` beneath
 * the tenant policy (with `planner`'s settings): its plan, as EXPLAIN ANALYZE gives it.
 */
async function analyzedPage(
  t: TestApp,
  who: Pick<SignedUp, 'orgId' | 'userId'>,
  request: () => Promise<unknown>,
  relations: readonly string[],
  planner: PlannerSettings = {},
): Promise<PlanNode> {
  const { calls } = await captureQueries(request);
  const page = calls.find(
    (c) =>
      classify(c) === 'data' &&
      relations.every((relation) => new RegExp(`(^|[^a-z_])${relation}([^a-z_]|$)`).test(c.text)),
  );
  if (!page) throw new Error(`no statement read ${relations.join(', ')}`);
  return asApiRole(t, who, async (client) => {
    for (const [name, value] of Object.entries(planner)) {
      await client.query('SELECT set_config($1, $2, true)', [name, value]);
    }
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${page.text}`, page.values);
    return rows[0]['QUERY PLAN'][0].Plan as PlanNode;
  });
}

/** Every node of a plan, the node first. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...((node.Plans as PlanNode[] | undefined) ?? []).flatMap(nodesOf)];
}

/**
 * How many times each tenant check ran in the statement of `request` that reads every one of
 * `relations` (the policy's `verified_org()`, which the organization named in the statement
 * turns into a one-time filter above each scan). 1 for a table read once for the whole page;
 * one per record for a table read by a sub-select per record, or by a set the plan reads again
 * per record.
 */
export async function tenantChecksOf(
  t: TestApp,
  who: Pick<SignedUp, 'orgId' | 'userId'>,
  request: () => Promise<unknown>,
  relations: readonly string[],
): Promise<number[]> {
  const plan = await analyzedPage(t, who, request, relations);
  return nodesOf(plan)
    .filter((node) => /verified_org\(\)/.test(String(node['One-Time Filter'] ?? '')))
    .map((node) => node['Actual Loops'] as number);
}

/**
 * The scans of `table` in the statement of `request` that reads it, as EXPLAIN ANALYZE gives
 * them (`Node Type`, `Index Name`, `Actual Rows`, `Actual Loops`, `Heap Fetches`…).
 */
export async function scansOf(
  t: TestApp,
  who: Pick<SignedUp, 'orgId' | 'userId'>,
  request: () => Promise<unknown>,
  table: string,
  planner?: PlannerSettings,
): Promise<PlanNode[]> {
  const plan = await analyzedPage(t, who, request, [table], planner);
  return nodesOf(plan).filter((node) => node['Relation Name'] === table);
}

/**
 * How many rows of `table` the statement of `request` that reads it took from its scans: about
 * a page for a page read in its order, the organization's records for a page read by sorting
 * all of them.
 */
export async function rowsReadOf(
  t: TestApp,
  who: Pick<SignedUp, 'orgId' | 'userId'>,
  request: () => Promise<unknown>,
  table: string,
  planner?: PlannerSettings,
): Promise<number> {
  return (await scansOf(t, who, request, table, planner)).reduce(
    (sum, node) => sum + (node['Actual Rows'] as number) * (node['Actual Loops'] as number),
    0,
  );
}
