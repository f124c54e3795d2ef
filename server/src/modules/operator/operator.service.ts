import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import { withContext, type Tx } from '../../db/tenant.js';
import { ConflictError, ForbiddenError, invalidField, NotFoundError } from '../../lib/errors.js';
import {
  findLoginByEmail,
  insertOrgWithOwner,
  insertUser,
  normalizeEmail,
  revokeAllRefreshTokens,
  revokePasswordResets,
  updateUser,
} from '../auth/auth.service.js';
import { hashNewPassword } from '../auth/passwords.js';
import { fileStoreOf } from '../files/file-store.js';
import { scheduleDailyDigest } from '../notifications/daily-digest.task.js';
import * as repo from './operator.repo.js';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { RequestContext } from '../../http/context.js';
import { createMailer } from '../../mail/mailer.js';
import { exportOrganizationTo } from '../exports/exports.service.js';
import { restoreOrganizationFrom, type OrgRestore } from '../exports/restores.service.js';

/**
 * What the operator of an instance does from the command line (`npx rampart`), past any
 * organization's admins: accounts, organizations, suspension and deletion. The connection is
 * the operator's (the owner, or a superuser for what reaches across organizations); every
 * write runs in a signed context like a request's, so the audit trail says what happened.
 */
export interface OperatorDeps {
  config: Config;
  db: Db;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything the operator's commands about every organization need: reading past RLS. */
async function acrossOrganizations<T>(deps: OperatorDeps, work: (tx: Tx) => Promise<T>) {
  return withContext(deps.db, { orgId: null, userId: null }, async (tx) => {
    if (!(await repo.isSuperuser(tx))) {
      throw new ForbiddenError(
        'this command reads every organization: connect as a superuser ' +
          '(BACKUP_DATABASE_URL, or DATABASE_URL when it is one)',
      );
    }
    return work(tx);
  });
}

function checkOrgId(orgId: string): void {
  if (!UUID.test(orgId)) throw invalidField('id', 'is not an organization id (a UUID)');
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(
  deps: OperatorDeps,
  input: { email: string; name: string; password: string },
): Promise<NewUser> {
  const user = { id: randomUUID(), email: normalizeEmail(input.email), name: input.name.trim() };
  if (!/^[^\s@]+@[^\s@]+$/.test(user.email)) throw invalidField('email', 'is not an email address');
  if (!user.name) throw invalidField('name', 'must not be blank');
  const passwordHash = await hashNewPassword(input.password, [user.email, user.name]);
  try {
    await withContext(deps.db, { orgId: null, userId: user.id }, (tx) =>
      insertUser(tx, { ...user, passwordHash }),
    );
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'users_email_key') {
      throw new ConflictError(`an account with the email ${user.email} exists already`);
    }
    throw error;
  }
  return user;
}

async function findUserByEmail(deps: OperatorDeps, email: string) {
  const account = await withContext(deps.db, { orgId: null, userId: null }, (tx) =>
    findLoginByEmail(tx, normalizeEmail(email)),
  );
  if (!account) throw new NotFoundError(`An account with the email ${normalizeEmail(email)}`);
  return account;
}

/** A new organization whose owner is an existing account. */
export async function createOrg(
  deps: OperatorDeps,
  input: { name: string; ownerEmail: string },
): Promise<{ id: string; name: string; owner: string }> {
  const org = { id: randomUUID(), name: input.name.trim() };
  if (!org.name) throw invalidField('name', 'must not be blank');
  const owner = await findUserByEmail(deps, input.ownerEmail);
  await withContext(deps.db, { orgId: org.id, userId: owner.id }, async (tx) => {
    await insertOrgWithOwner(tx, { ...org, ownerId: owner.id });
    await scheduleDailyDigest(tx, org.id);
  });
  return { ...org, owner: owner.email };
}

/**
 * Sets a new password, the one given or a generated one, and signs the account out everywhere;
 * reset links already sent stop working. A generated password is answered once, to be passed
 * on and changed by its owner after signing in.
 */
export async function resetPassword(
  deps: OperatorDeps,
  input: { email: string; password?: string | undefined },
): Promise<{ email: string; password: string | undefined }> {
  const account = await findUserByEmail(deps, input.email);
  const generated =
    input.password === undefined ? randomBytes(15).toString('base64url') : undefined;
  const password = input.password ?? generated ?? '';
  const passwordHash = await hashNewPassword(password, [account.email, account.name]);
  await withContext(deps.db, { orgId: null, userId: account.id }, async (tx) => {
    await updateUser(tx, account.id, { passwordHash });
    await revokeAllRefreshTokens(tx, account.id);
    await revokePasswordResets(tx, account.id);
  });
  return { email: account.email, password: generated };
}

export interface OrgSummary {
  id: string;
  name: string;
  created_at: string;
  suspended: boolean;
  members: Array<{ email: string; role: string }>;
  /** Records of each kind (`lead`, `account`, ...). */
  records: Record<string, number>;
  /** Rows in every tenant table, and the bytes they take. */
  rows: number;
  row_bytes: number;
  files: number;
  file_bytes: number;
  /** `row_bytes + file_bytes`. */
  bytes: number;
}

export async function listOrgs(deps: OperatorDeps): Promise<OrgSummary[]> {
  return acrossOrganizations(deps, async (tx) => {
    const orgs = await repo.listOrgs(tx);
    const summaries = new Map<string, OrgSummary>(
      orgs.map((org) => [
        org.id,
        {
          id: org.id,
          name: org.name,
          created_at: org.created_at.toISOString(),
          suspended: org.suspended_at !== null,
          members: [],
          records: {},
          rows: 0,
          row_bytes: 0,
          files: 0,
          file_bytes: 0,
          bytes: 0,
        },
      ]),
    );
    for (const member of await repo.listMembers(tx)) {
      summaries.get(member.org_id)?.members.push({ email: member.email, role: member.role });
    }
    const kinds = await repo.recordKinds(tx);
    for (const summary of summaries.values()) {
      for (const { kind } of kinds) summary.records[kind] = 0;
    }
    for (const table of await repo.tenantTables(tx)) {
      const kind = kinds.find((candidate) => candidate.table_name === table)?.kind;
      for (const usage of await repo.tableUsage(tx, table)) {
        const summary = summaries.get(usage.org_id);
        if (!summary) continue;
        summary.rows += usage.rows;
        summary.row_bytes += usage.bytes;
        if (kind) summary.records[kind] = usage.rows;
      }
    }
    for (const usage of await repo.fileUsage(tx)) {
      const summary = summaries.get(usage.org_id);
      if (!summary) continue;
      summary.files = usage.rows;
      summary.file_bytes = usage.bytes;
    }
    for (const summary of summaries.values())
      summary.bytes = summary.row_bytes + summary.file_bytes;
    return [...summaries.values()];
  });
}

/** The organization, for a command to name before it acts: 404 when there is none. */
export async function findOrg(deps: OperatorDeps, orgId: string): Promise<repo.OrgRow> {
  checkOrgId(orgId);
  const org = await withContext(deps.db, { orgId, userId: null }, (tx) => repo.findOrg(tx, orgId));
  if (!org) throw new NotFoundError('Organization');
  return org;
}

/** Suspends (or lets back in) an organization: its members are refused on every call meanwhile. */
export async function setSuspended(
  deps: OperatorDeps,
  orgId: string,
  suspended: boolean,
): Promise<repo.OrgRow> {
  await findOrg(deps, orgId);
  await withContext(deps.db, { orgId, userId: null }, (tx) =>
    repo.setSuspended(tx, orgId, suspended),
  );
  return findOrg(deps, orgId);
}

/**
 * Removes an organization: every row of it in every tenant table (found in the catalog), the
 * rows of global tables that point at it and its queued jobs, in one transaction; then, once
 * that has committed, the bytes of its files. Accounts stay: a person may belong elsewhere.
 */
export async function deleteOrg(
  deps: OperatorDeps,
  orgId: string,
): Promise<{ rows: number; files: number }> {
  await findOrg(deps, orgId);
  const { rows, keys } = await acrossOrganizations(deps, async (tx) => {
    const blobKeys = await repo.blobKeys(tx, orgId);
    await repo.deleteQueuedJobs(tx, orgId);
    await repo.holdTriggers(tx);
    let deleted = 0;
    for (const table of await repo.tenantTables(tx)) {
      deleted += await repo.deleteRowsOf(tx, table, 'org_id', orgId);
    }
    for (const reference of await repo.globalReferencesToOrgs(tx)) {
      deleted += await repo.deleteRowsOf(tx, reference.table, reference.column, orgId);
    }
    await repo.deleteOrg(tx, orgId);
    return { rows: deleted + 1, keys: blobKeys };
  });
  const store = fileStoreOf(deps.config);
  for (const key of keys) await store.delete(key);
  return { rows, files: keys.length };
}

/**
 * The organization as its first owner: an export or a restore from the command line is the
 * one an owner would make in the app, with the same checks, and the history says so.
 */
async function asOwner(deps: OperatorDeps, orgId: string): Promise<RequestContext> {
  await findOrg(deps, orgId);
  const owner = await withContext(deps.db, { orgId, userId: null }, (tx) =>
    repo.firstOwner(tx, orgId),
  );
  if (!owner) throw new ConflictError('This organization has no owner to act as');
  // No session: the command line signs no one in. The owner's membership is still checked
  // where the tenant is entered, as for a request.
  const ctx: Omit<RequestContext, 'sessionId'> = {
    deps: { config: deps.config, db: deps.db, mailer: createMailer(deps.config) },
    orgId,
    userId: owner,
    ip: '127.0.0.1',
  };
  return ctx as RequestContext;
}

/** Writes the organization's export (the ZIP an admin downloads) into `sink`. */
export async function exportOrg(
  deps: OperatorDeps,
  log: Logger,
  orgId: string,
  sink: Writable,
): Promise<{ bytes: number }> {
  const ctx = await asOwner(deps, orgId);
  const row = await exportOrganizationTo(ctx, log, sink);
  return { bytes: Number(row.byte_size ?? 0) };
}

/** Restores an export into the organization, which must have no records yet. */
export async function importOrg(
  deps: OperatorDeps,
  log: Logger,
  orgId: string,
  fileName: string,
  body: AsyncIterable<Buffer>,
): Promise<OrgRestore> {
  return restoreOrganizationFrom(await asOwner(deps, orgId), log, fileName, body);
}
