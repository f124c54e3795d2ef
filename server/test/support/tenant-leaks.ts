import type pg from 'pg';
import { testContextKey } from './test-app.js';

/**
 * What identifies one organization's data in anything read back: its ids (organization, users,
 * records) and a marker word (`tenant3`) put in every name and email it owns.
 */
export interface TenantFingerprint {
  orgId: string;
  userId: string;
  marker: string;
  ids: string[];
}

export interface Observation {
  /** What was asked, for the report: "GET /api/v1/me". */
  label: string;
  /** The organization the read was made for. */
  expected: TenantFingerprint;
  body: unknown;
}

export interface LeakReport {
  checked: number;
  /** Reads that returned something of another organization. */
  leaks: Array<{ label: string; expected: string; found: string[] }>;
  /** Reads that returned nothing of their own organization: they ran as nobody or another. */
  wrongTenant: Array<{ label: string; expected: string }>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MARKER = /\btenant\d+\b/g;

/** The one leak checker, shared by the real application and the deliberately broken client. */
export function checkForLeaks(
  tenants: TenantFingerprint[],
  observations: Observation[],
): LeakReport {
  const owner = new Map<string, TenantFingerprint>();
  for (const tenant of tenants) {
    for (const id of [tenant.orgId, tenant.userId, ...tenant.ids])
      owner.set(id.toLowerCase(), tenant);
    owner.set(tenant.marker, tenant);
  }
  const report: LeakReport = { checked: 0, leaks: [], wrongTenant: [] };
  for (const { label, expected, body } of observations) {
    report.checked += 1;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const seen = [...(text.match(UUID) ?? []), ...(text.match(MARKER) ?? [])].map((token) =>
      token.toLowerCase(),
    );
    const foreign = [
      ...new Set(seen.filter((token) => owner.has(token) && owner.get(token) !== expected)),
    ];
    if (foreign.length > 0) report.leaks.push({ label, expected: expected.marker, found: foreign });
    if (!seen.some((token) => owner.get(token) === expected)) {
      report.wrongTenant.push({ label, expected: expected.marker });
    }
  }
  return report;
}

/** Runs `tasks` with at most `concurrency` of them in flight. */
export async function runConcurrently(
  tasks: Array<() => Promise<void>>,
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}

/**
 * THE WRONG WAY, kept here only to prove the leak checker can fail: the tenant is set with a
 * session-level setting (a valid proof, made session-wide), outside any transaction, then the data is read by a separate statement.
 * Through PgBouncer in transaction mode each statement may run on a different server
 * connection, one whose session another client has just SET to its own tenant.
 */
export async function readTeamsWithSessionSet(
  pool: pg.Pool,
  tenant: TenantFingerprint,
): Promise<unknown[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT set_config('app.tenant_proof', $1, false)", [
      testContextKey.proveContext(tenant.orgId, tenant.userId),
    ]);
    // Let other clients' statements run in between, as real request handlers would.
    await new Promise((resolve) => setImmediate(resolve));
    const { rows } = await client.query('SELECT org_id, id, name FROM teams ORDER BY name');
    return rows;
  } finally {
    client.release();
  }
}
