import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';

/**
 * SQL of the operator's commands that reach across organizations. They run on the operator's
 * connection (a superuser: see operator.service.ts), for which row-level security does not
 * apply, and each names the organization it is about.
 */

export interface OrgRow {
  id: string;
  name: string;
  created_at: Date;
  suspended_at: Date | null;
}

/** Connected as a superuser: the only role that sees every organization and may hold triggers. */
export async function isSuperuser(tx: Tx): Promise<boolean> {
  const { rows } = await sql<{ superuser: boolean }>`
    SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`.execute(tx);
  return rows[0]?.superuser === true;
}

export async function listOrgs(tx: Tx): Promise<OrgRow[]> {
  const { rows } = await sql<OrgRow>`
    SELECT id, name, created_at, suspended_at FROM orgs ORDER BY created_at, id`.execute(tx);
  return rows;
}

export async function findOrg(tx: Tx, orgId: string): Promise<OrgRow | undefined> {
  const { rows } = await sql<OrgRow>`
    SELECT id, name, created_at, suspended_at FROM orgs WHERE id = ${orgId}`.execute(tx);
  return rows[0];
}

/** The organization's first owner: whom an export or a restore from the command line acts as. */
export async function firstOwner(tx: Tx, orgId: string): Promise<string | undefined> {
  const { rows } = await sql<{ user_id: string }>`
    SELECT user_id FROM memberships WHERE org_id = ${orgId} AND role = 'owner'
    ORDER BY created_at, user_id LIMIT 1`.execute(tx);
  return rows[0]?.user_id;
}

export async function setSuspended(tx: Tx, orgId: string, suspended: boolean): Promise<void> {
  await sql`
    UPDATE orgs SET suspended_at = CASE WHEN ${suspended}::boolean THEN now() END
    WHERE id = ${orgId}`.execute(tx);
}

export interface MemberRow {
  org_id: string;
  email: string;
  role: string;
}

export async function listMembers(tx: Tx): Promise<MemberRow[]> {
  const { rows } = await sql<MemberRow>`
    SELECT m.org_id, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id
    ORDER BY m.org_id, m.created_at, u.email`.execute(tx);
  return rows;
}

/**
 * Every table holding an organization's rows, found in the catalog by its `org_id` column (as
 * the tenant wall's checks find them), so a table added later is never left out.
 */
export async function tenantTables(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    ORDER BY 1`.execute(tx);
  return rows.map((row) => row.name);
}

export interface TableUsage {
  org_id: string;
  rows: number;
  bytes: number;
}

/** Each organization's rows in one table and the bytes they take (as stored, TOAST included). */
export async function tableUsage(tx: Tx, table: string): Promise<TableUsage[]> {
  const { rows } = await sql<{ org_id: string; rows: string; bytes: string }>`
    SELECT t.org_id, count(*) AS rows, coalesce(sum(pg_column_size(t.*)), 0) AS bytes
    FROM ${sql.table(table)} t GROUP BY t.org_id`.execute(tx);
  return rows.map((row) => ({
    org_id: row.org_id,
    rows: Number(row.rows),
    bytes: Number(row.bytes),
  }));
}

/** The record kinds and their tables (`record_kinds`). */
export async function recordKinds(tx: Tx): Promise<Array<{ kind: string; table_name: string }>> {
  const { rows } = await sql<{ kind: string; table_name: string }>`
    SELECT kind, table_name FROM record_kinds ORDER BY position`.execute(tx);
  return rows;
}

/** Each organization's attached files: their count and bytes on disk. */
export async function fileUsage(tx: Tx): Promise<TableUsage[]> {
  const { rows } = await sql<{ org_id: string; rows: string; bytes: string }>`
    SELECT org_id, count(*) AS rows, coalesce(sum(byte_size), 0) AS bytes
    FROM files GROUP BY org_id`.execute(tx);
  return rows.map((row) => ({
    org_id: row.org_id,
    rows: Number(row.rows),
    bytes: Number(row.bytes),
  }));
}

/** The keys of every file's bytes an organization has on disk, or waits to have removed. */
export async function blobKeys(tx: Tx, orgId: string): Promise<string[]> {
  const { rows } = await sql<{ blob_key: string }>`
    SELECT blob_key FROM files WHERE org_id = ${orgId}
    UNION SELECT blob_key FROM file_blob_removals WHERE org_id = ${orgId}`.execute(tx);
  return rows.map((row) => row.blob_key);
}

/**
 * Tables without `org_id` that point at an organization (a session's organization in
 * `refresh_tokens`): their rows about it go with it.
 */
export async function globalReferencesToOrgs(
  tx: Tx,
): Promise<Array<{ table: string; column: string }>> {
  const { rows } = await sql<{ table: string; column: string }>`
    SELECT source.relname AS table, a.attname AS column
    FROM pg_constraint con
    JOIN pg_class source ON source.oid = con.conrelid
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
    WHERE con.contype = 'f' AND con.confrelid = 'public.orgs'::regclass
      AND cardinality(con.conkey) = 1
      AND source.relnamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT FROM pg_attribute o WHERE o.attrelid = source.oid
                      AND o.attname = 'org_id' AND NOT o.attisdropped)
    ORDER BY 1, 2`.execute(tx);
  return rows;
}

/**
 * Queued jobs of an organization (its daily digest, an export's expiry): every Rampart job
 * carries the `org_id` it runs in. A job running now finds its organization gone and does nothing.
 */
export async function deleteQueuedJobs(tx: Tx, orgId: string): Promise<void> {
  await sql`
    DELETE FROM graphile_worker._private_jobs
    WHERE payload->>'org_id' = ${orgId} AND locked_at IS NULL`.execute(tx);
}

/**
 * Foreign keys and triggers are held for the rest of the transaction: every row of the
 * organization goes, in whatever order, so no key is left pointing anywhere, and deleting
 * must not write new audit rows about an organization that is going.
 */
export async function holdTriggers(tx: Tx): Promise<void> {
  await sql`SET LOCAL session_replication_role = replica`.execute(tx);
}

export async function deleteRowsOf(
  tx: Tx,
  table: string,
  column: string,
  orgId: string,
): Promise<number> {
  const result = await sql`
    DELETE FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${orgId}`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteOrg(tx: Tx, orgId: string): Promise<void> {
  await sql`DELETE FROM orgs WHERE id = ${orgId}`.execute(tx);
}
