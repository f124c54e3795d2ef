import { sql } from 'kysely';
import { proveSignIn, type Role, type Tx } from '../../db/tenant.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
}

export interface OrgMembershipRow {
  id: string;
  name: string;
  role: Role;
}

export async function findLoginByEmail(
  tx: Tx,
  email: string,
): Promise<(UserRow & { password_hash: string }) | undefined> {
  const { expires, mac } = proveSignIn(tx, email);
  const { rows } = await sql<UserRow & { password_hash: string }>`
    SELECT id, email, name, password_hash
    FROM auth_find_user_by_email(${email}, ${expires}, ${mac})`.execute(tx);
  return rows[0];
}

export async function currentPasswordHash(tx: Tx): Promise<string | undefined> {
  const { rows } = await sql<{
    hash: string | null;
  }>`SELECT auth_current_password_hash() AS hash`.execute(tx);
  return rows[0]?.hash ?? undefined;
}

export async function insertUser(tx: Tx, user: UserRow & { passwordHash: string }): Promise<void> {
  await tx
    .insertInto('users')
    .values({ id: user.id, email: user.email, name: user.name, password_hash: user.passwordHash })
    .execute();
}

export async function findUser(tx: Tx, userId: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function updateUser(
  tx: Tx,
  userId: string,
  changes: { name?: string; passwordHash?: string },
): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
    })
    .where('id', '=', userId)
    .execute();
}

export async function insertOrgWithOwner(
  tx: Tx,
  org: { id: string; name: string; ownerId: string },
): Promise<void> {
  await tx
    .insertInto('orgs')
    .values({ id: org.id, name: org.name, created_by: org.ownerId })
    .execute();
  await tx
    .insertInto('memberships')
    .values({ org_id: org.id, user_id: org.ownerId, role: 'owner', created_by: org.ownerId })
    .execute();
}

/**
 * The organizations a user belongs to; visible through the user's own-membership policy. The
 * one read that crosses organizations on purpose, so it is not pinned to the current one.
 */
export async function listUserOrgs(tx: Tx, userId: string): Promise<OrgMembershipRow[]> {
  return tx
    .withoutPlugins()
    .selectFrom('memberships as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['o.id', 'o.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .orderBy('o.id')
    .execute();
}

/** Which of these organizations the operator has suspended (`rampart org suspend`). */
export async function suspendedOrgIds(
  tx: Tx,
  orgs: ReadonlyArray<{ id: string }>,
): Promise<Set<string>> {
  if (orgs.length === 0) return new Set();
  const rows = await tx
    .withoutPlugins()
    .selectFrom('orgs')
    .select('id')
    .where(
      'id',
      'in',
      orgs.map((org) => org.id),
    )
    .where('suspended_at', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function findOrg(
  tx: Tx,
  orgId: string,
): Promise<{ id: string; name: string; currency: string; locale: string } | undefined> {
  return tx
    .selectFrom('orgs')
    .select(['id', 'name', 'currency', 'locale'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

// Refresh tokens -------------------------------------------------------------------------------

export interface RefreshTokenRow {
  id: string;
  family_id: string;
  session_org_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  /** The token that replaced this one, sealed; see `refresh` in the service. */
  successor_sealed: Buffer | null;
}

export async function insertRefreshToken(
  tx: Tx,
  token: {
    id: string;
    userId: string;
    familyId: string;
    hash: Buffer;
    orgId: string;
    expiresAt: Date;
  },
): Promise<void> {
  await tx
    .insertInto('refresh_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      family_id: token.familyId,
      token_hash: token.hash,
      session_org_id: token.orgId,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** Locks the token's row so two refreshes racing with the same token cannot both win. */
export async function lockRefreshToken(tx: Tx, hash: Buffer): Promise<RefreshTokenRow | undefined> {
  return tx
    .selectFrom('refresh_tokens')
    .select([
      'id',
      'family_id',
      'session_org_id',
      'expires_at',
      'used_at',
      'revoked_at',
      'successor_sealed',
    ])
    .where('token_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRefreshTokenUsed(
  tx: Tx,
  id: string,
  successorSealed: Buffer,
): Promise<void> {
  await tx
    .updateTable('refresh_tokens')
    .set({ used_at: new Date(), successor_sealed: successorSealed })
    .where('id', '=', id)
    .execute();
}

export async function revokeRefreshFamily(tx: Tx, familyId: string): Promise<void> {
  await tx
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllRefreshTokens(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

// Sign-in throttling ---------------------------------------------------------------------------

/** The latest time any of the counters waits until, if one does. */
export async function lockedUntil(tx: Tx, keys: Buffer[]): Promise<Date | null> {
  const row = await tx
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('email_key', 'in', keys)
    .executeTakeFirst();
  return (row?.until as Date | null | undefined) ?? null;
}

/**
 * Counts one more failure (failures an hour old are forgotten first), sets how long the
 * counter now waits, and returns the new count.
 */
export async function recordLoginFailure(
  tx: Tx,
  key: Buffer,
  lockFor: (failures: number) => number,
): Promise<number> {
  const row = await tx
    .insertInto('login_attempts')
    .values({ email_key: key, failures: 1, locked_until: null, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('email_key').doUpdateSet({
        failures: sql`CASE WHEN login_attempts.updated_at < now() - interval '1 hour' THEN 1
          ELSE login_attempts.failures + 1 END`,
        updated_at: new Date(),
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const seconds = lockFor(row.failures);
  await tx
    .updateTable('login_attempts')
    .set({ locked_until: seconds > 0 ? new Date(Date.now() + seconds * 1000) : null })
    .where('email_key', '=', key)
    .execute();
  return row.failures;
}

export async function clearLoginAttempts(tx: Tx, keys: Buffer[]): Promise<void> {
  await tx.deleteFrom('login_attempts').where('email_key', 'in', keys).execute();
}

// Password resets ------------------------------------------------------------------------------

export async function insertPasswordReset(
  tx: Tx,
  reset: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto('password_resets')
    .values({ id: reset.id, user_id: reset.userId, expires_at: reset.expiresAt, token_hash: null })
    .execute();
}

/** A reset whose email has not been sent yet and whose link could still be used. */
export async function findUnsentPasswordReset(
  tx: Tx,
  id: string,
): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('password_resets')
    .select('id')
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function setPasswordResetHash(tx: Tx, id: string, hash: Buffer): Promise<void> {
  await tx.updateTable('password_resets').set({ token_hash: hash }).where('id', '=', id).execute();
}

export async function markPasswordResetSent(tx: Tx, id: string): Promise<void> {
  await tx
    .updateTable('password_resets')
    .set({ sent_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Consumes a valid reset token: true when it existed, was unused and unexpired. */
export async function consumePasswordReset(tx: Tx, hash: Buffer): Promise<boolean> {
  const result = await tx
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends every reset link of a user that has not been used. */
export async function revokePasswordResets(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

// Sign-ups waiting for their email address --------------------------------------------------------

export interface PendingSignupRow {
  user_id: string;
  email: string;
  name: string;
  org_name: string;
  password_hash: string;
}

/** Whether any account exists on the instance; nothing about any address. */
export async function instanceHasAccounts(tx: Tx): Promise<boolean> {
  const { rows } = await sql<{
    any: boolean;
  }>`SELECT auth_instance_has_accounts() AS any`.execute(tx);
  return rows[0]?.any ?? true;
}

export async function insertPendingSignup(
  tx: Tx,
  signup: PendingSignupRow & { expiresAt: Date },
): Promise<void> {
  await tx
    .insertInto('pending_signups')
    .values({
      user_id: signup.user_id,
      email: signup.email,
      name: signup.name,
      org_name: signup.org_name,
      password_hash: signup.password_hash,
      expires_at: signup.expiresAt,
    })
    .execute();
}

/** A sign-up whose email has not been sent yet and that could still be completed. */
export async function findUnsentPendingSignup(
  tx: Tx,
  userId: string,
): Promise<Pick<PendingSignupRow, 'user_id' | 'email' | 'name'> | undefined> {
  return tx
    .selectFrom('pending_signups')
    .select(['user_id', 'email', 'name'])
    .where('user_id', '=', userId)
    .where('sent_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function setPendingSignupHash(tx: Tx, userId: string, hash: Buffer): Promise<void> {
  await tx
    .updateTable('pending_signups')
    .set({ token_hash: hash })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Marks the email sent; `closed` removes the sign-up instead, for its address already had an
 * account and it can never be completed.
 */
export async function markPendingSignupSent(
  tx: Tx,
  userId: string,
  closed: boolean,
): Promise<void> {
  if (closed) {
    await tx.deleteFrom('pending_signups').where('user_id', '=', userId).execute();
  } else {
    await tx
      .updateTable('pending_signups')
      .set({ sent_at: new Date() })
      .where('user_id', '=', userId)
      .execute();
  }
}

/** Removes every sign-up past its time, whoever made it; answers nothing (migration 0045). */
export async function forgetExpiredSignups(tx: Tx): Promise<void> {
  await sql`SELECT auth_forget_expired_signups()`.execute(tx);
}

/**
 * Consumes a sign-up's link: its row, removed, when the link existed and was unexpired. The
 * delete locks the row, so the same link followed twice at once creates one account, and the
 * password hash is kept only in the account it creates.
 */
export async function consumePendingSignup(
  tx: Tx,
  hash: Buffer,
): Promise<PendingSignupRow | undefined> {
  return tx
    .deleteFrom('pending_signups')
    .where('token_hash', '=', hash)
    .where('expires_at', '>', new Date())
    .returning(['user_id', 'email', 'name', 'org_name', 'password_hash'])
    .executeTakeFirst();
}
