import { captureQueries, classify } from '../../../bench/lib/plans.mjs';
import { asApiRole } from './as-tenant.js';
import type { SignedUp, TestApp } from './test-app.js';

/**
 * The statement of `request` that reads every one of `relations`, run again as `who` beneath
 * the tenant policy (EXPLAIN ANALYZE): how many times each of its tenant checks ran (the
 * policy's `verified_org()`, which the organization named in the statement turns into a
 * one-time filter above each scan). 1 for a table read once for the whole page; one per record
 * for a table read by a sub-select per record, or by a set the plan reads again per record.
 */
export async function tenantChecksOf(
  t: TestApp,
  who: SignedUp,
  request: () => Promise<unknown>,
  relations: readonly string[],
): Promise<number[]> {
  const { calls } = await captureQueries(request);
  const page = calls.find(
    (c) => classify(c) === 'data' && relations.every((relation) => c.text.includes(relation)),
  );
  if (!page) throw new Error(`no statement read ${relations.join(', ')}`);
  return asApiRole(t, who, async (client) => {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${page.text}`, page.values);
    const checks: number[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (/verified_org\(\)/.test(String(node['One-Time Filter'] ?? ''))) {
        checks.push(node['Actual Loops'] as number);
      }
      for (const child of (node.Plans as Array<Record<string, unknown>>) ?? []) walk(child);
    };
    walk(rows[0]['QUERY PLAN'][0].Plan);
    return checks;
  });
}
