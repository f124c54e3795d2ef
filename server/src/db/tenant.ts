import { CompiledQuery, expressionBuilder, sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { OrgSuspendedError, UnauthorizedError } from '../lib/errors.js';
import type { Database } from './schema.js';
import type { ContextKey } from './context-key.js';
import { PinOrganization } from './pin-organization.js';
import { contextKeyOf, poolOf, queryOn, type Db } from './pool.js';
import { refuseCommitForClientGone } from './request-scope.js';
import { retryingConflicts } from './transient.js';

/** A transaction inside a tenant context. Repositories take this, never a pool. */
export type Tx = Kysely<Database>;

/**
 * Builds sub-queries outside a transaction (`subquery.selectFrom(...)`): they become part of the
 * statement that embeds them, and are pinned to its organization with it.
 */
export const subquery = expressionBuilder<Database, never>();

export type Role = 'owner' | 'admin' | 'member';

export interface TenantContext {
  orgId: string | null;
  userId: string | null;
}

/** What `withTenant` learned about the caller when it checked the membership. */
export interface Member {
  orgId: string;
  userId: string;
  role: Role;
}

/**
 * The statement that opens a unit of work: BEGIN, the signed tenant context (transaction-local)
 * and the membership check, sent as one pipeline: one round trip, no named statement, nothing
 * that outlives the transaction on a pooled connection. The proof travels as a parameter, so
 * it never shows in `pg_stat_activity`'s query text.
 */
function openingStatement(
  db: Db,
  ctx: TenantContext,
  check: { membership: false } | { membership: true; sessionId: string | undefined },
  begin = 'BEGIN',
): { text: string; values: unknown[] } {
  const proof = contextKeyOf(db).proveContext(ctx.orgId, ctx.userId);
  const setting = `SELECT set_config('app.tenant_proof', $1, true) AS proof`;
  if (!check.membership) return { text: `${begin}; ${setting}`, values: [proof] };
  // A request's session must still be alive: signed out, its password changed or its refresh
  // token replayed, it has no family left that is not revoked.
  const session = check.sessionId
    ? ` AND EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.user_id = $3::uuid ` +
      `AND r.family_id = $4::uuid AND r.revoked_at IS NULL)`
    : '';
  // The context must be in place before the membership row is read under RLS: the lookup is
  // correlated with the setting's result, and OFFSET 0 keeps the planner from merging the two.
  // A suspended organization is refused here, where every request enters its tenant. The
  // version of its definitions comes back with it (see `definitionsVersionOf`).
  return {
    text:
      `${begin}; SELECT (SELECT m.role FROM memberships m ` +
      `WHERE m.org_id = $2::uuid AND m.user_id = $3::uuid AND s.proof IS NOT NULL${session}) AS role, ` +
      `(SELECT json_build_object('suspended', o.suspended_at IS NOT NULL, ` +
      `'definitions', o.definitions_version) FROM orgs o ` +
      `WHERE o.id = $2::uuid AND s.proof IS NOT NULL) AS org ` +
      `FROM (${setting} OFFSET 0) s`,
    values: [proof, ctx.orgId, ctx.userId, ...(check.sessionId ? [check.sessionId] : [])],
  };
}

const notAMember = () =>
  new UnauthorizedError('You are not a member of this organization, or this session has ended');

interface OpenedOrg {
  suspended: boolean;
  definitions: string;
}

/** The caller's role from the opening statement's row, or why the caller may not enter. */
function memberRole(row: Record<string, unknown> | undefined): Role {
  const role = row?.['role'] as Role | null | undefined;
  if (!role) throw notAMember();
  if ((row?.['org'] as OpenedOrg | null)?.suspended) throw new OrgSuspendedError();
  return role;
}

const organizationOf = new WeakMap<Tx, string>();
const keyOf = new WeakMap<Tx, ContextKey>();
const definitionsOf = new WeakMap<Tx, string>();

/**
 * The version of the organization's definitions (its custom fields and their options) that
 * the unit of work opened with: `orgs.definitions_version`, renewed by every change to them
 * (migration 0046). What a process keeps of the definitions is good while the version is the
 * same. Unknown (undefined) outside a member's request, and once the unit of work changed
 * definitions itself (`forgetDefinitionsVersion`): then they are read from the database.
 */
export function definitionsVersionOf(tx: Tx): string | undefined {
  return definitionsOf.get(tx);
}

/** The unit of work changes definitions: what it reads next must come from the database. */
export function forgetDefinitionsVersion(tx: Tx): void {
  definitionsOf.delete(tx);
}

/** The transaction with every query builder pinned to the organization, when there is one. */
function pinned(tx: Tx, orgId: string | null): Tx {
  if (!orgId) return tx;
  const pinnedTx = tx.withPlugin(new PinOrganization(orgId));
  organizationOf.set(pinnedTx, orgId);
  const key = keyOf.get(tx);
  if (key) keyOf.set(pinnedTx, key);
  return pinnedTx;
}

/** The proof that lets `auth_find_user_by_email()` answer for `email`, signed for this unit of work. */
export function proveSignIn(tx: Tx, email: string): { expires: number; mac: string } {
  const key = keyOf.get(tx);
  if (!key) throw new TypeError('not a transaction opened by withContext() or withTenant()');
  return key.proveSignIn(email);
}

/**
 * The organization of a tenant transaction, for SQL written by hand: it names its
 * organization itself (`org_id = ${orgOf(tx)}`), as the query builder's statements do.
 */
export function orgOf(tx: Tx): string {
  const orgId = organizationOf.get(tx);
  if (!orgId) throw new TypeError('not a transaction of an organization');
  return orgId;
}

/** A deadlock or serialization failure runs the whole unit of work again (see `transient.ts`). */
async function runInTransaction<T>(
  db: Db,
  opening: { text: string; values: unknown[] },
  work: (tx: Tx, openingRow: Record<string, unknown> | undefined) => Promise<T>,
): Promise<T> {
  return retryingConflicts(() => runOnce(db, opening, work));
}

async function runOnce<T>(
  db: Db,
  opening: { text: string; values: unknown[] },
  work: (tx: Tx, openingRow: Record<string, unknown> | undefined) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    const opened = await connection.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(opening.text, opening.values),
    );
    keyOf.set(connection, contextKeyOf(db));
    try {
      const result = await work(connection, opened.rows[0]);
      refuseCommitForClientGone();
      await sql.raw('COMMIT').execute(connection);
      return result;
    } catch (error) {
      await sql
        .raw('ROLLBACK')
        .execute(connection)
        .catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Runs `work` in a transaction with `app.current_org` and `app.current_user` set, after
 * checking in the same round trip that the user is still a member of the organization and,
 * for a request, that its session has not ended. A removed member or a signed-out session is
 * refused at once, whatever the access token says.
 */
export async function withTenant<T>(
  db: Db,
  ctx: { orgId: string; userId: string; sessionId?: string },
  work: (tx: Tx, member: Member) => Promise<T>,
): Promise<T> {
  const opening = openingStatement(db, ctx, { membership: true, sessionId: ctx.sessionId });
  return runInTransaction(db, opening, async (tx, row) => {
    const role = memberRole(row);
    const pinnedTx = pinned(tx, ctx.orgId);
    const definitions = (row?.['org'] as OpenedOrg | null)?.definitions;
    if (definitions) definitionsOf.set(pinnedTx, definitions);
    return work(pinnedTx, { orgId: ctx.orgId, userId: ctx.userId, role });
  });
}

/**
 * Runs `work` with a context that need not be a checked membership: a user acting on their
 * own account (orgId null), registration creating a new organization, or a background job
 * that re-enters the tenant recorded in its payload.
 */
export async function withContext<T>(
  db: Db,
  ctx: TenantContext,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return runInTransaction(db, openingStatement(db, ctx, { membership: false }), (tx) =>
    work(pinned(tx, ctx.orgId)),
  );
}

/**
 * Runs `work` on the bare pg connection of a tenant transaction, for statements Kysely cannot
 * stream (`COPY ... TO STDOUT`, a cursor read as a stream). The transaction opens exactly as
 * `withTenant` (or, with `checkMembership: false`, `withContext`) opens it. `query` builds
 * statements pinned to the organization, to compile and send on `client`: it must not run them
 * itself, for it is not the transaction. With `snapshot`, the transaction only reads, and
 * every statement in it sees the same moment (an export's files agree with each other).
 */
export async function withTenantClient<T>(
  db: Db,
  ctx: { orgId: string; userId: string | null; sessionId?: string },
  options: { checkMembership: boolean; snapshot?: boolean },
  work: (client: pg.PoolClient, member: Member | null, query: Tx) => Promise<T>,
): Promise<T> {
  const client = await poolOf(db).connect();
  let broken = false;
  try {
    const opening = openingStatement(
      db,
      ctx,
      options.checkMembership
        ? { membership: true, sessionId: ctx.sessionId }
        : { membership: false },
      options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN',
    );
    const opened = (await queryOn(client, opening.text, opening.values)) as pg.QueryResult[];
    let member: Member | null = null;
    if (options.checkMembership) {
      try {
        const role = memberRole(opened.at(-1)?.rows[0]);
        if (!ctx.userId) throw notAMember();
        member = { orgId: ctx.orgId, userId: ctx.userId, role };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    try {
      const result = await work(client, member, pinned(db, ctx.orgId));
      refuseCommitForClientGone();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A stream stopped half-way (a client that went away) can leave the connection in the
      // middle of a statement: drop it rather than hand it back; the server rolls back.
      broken = true;
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Runs a statement built on `withTenantClient`'s `query`, compiled, on its client, in its
 * transaction: the rows it returns.
 */
export async function runOn<Row>(
  client: pg.PoolClient,
  { sql, parameters }: CompiledQuery<Row>,
): Promise<Row[]> {
  return (await client.query<Row & pg.QueryResultRow>(sql, [...parameters])).rows;
}

/**
 * Refuses to start when the database does not accept this process's signed contexts: its key
 * was written from another JWT_SECRET (every request would find nothing at all).
 */
export async function assertContextKey(db: Db): Promise<void> {
  const probe = '00000000-0000-4000-8000-000000000000';
  const { rows } = await withContext(db, { orgId: null, userId: probe }, (tx) =>
    sql<{ verified: string | null }>`SELECT verified_user() AS verified`.execute(tx),
  );
  if (rows[0]?.verified !== probe) {
    throw new Error(
      "Refusing to start: the database does not accept this process's tenant contexts. " +
        'Its key is written from JWT_SECRET when the migrations run: run them (npm run migrate) ' +
        'with the same JWT_SECRET as this process.',
    );
  }
}
