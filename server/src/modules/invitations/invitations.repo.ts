import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';

export type InvitedRole = 'admin' | 'member';

export interface InvitationRow {
  id: string;
  email: string;
  role: InvitedRole;
  expires_at: Date;
  created_at: Date;
  created_by: string | null;
}

const COLUMNS = ['id', 'email', 'role', 'expires_at', 'created_at', 'created_by'] as const;

/**
 * Serialises invitations of one email in one organization until the transaction ends, so two
 * admins inviting the same person at once leave a single pending invitation.
 */
export async function lockEmail(tx: Tx, orgId: string, email: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation:${orgId}:${email}`}, 0))`.execute(
    tx,
  );
}

/** Revokes the email's invitations that were neither accepted nor revoked; returns their ids. */
export async function revokeOpenFor(tx: Tx, orgId: string, email: string): Promise<string[]> {
  const rows = await tx
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertInvitation(
  tx: Tx,
  invitation: {
    orgId: string;
    email: string;
    role: InvitedRole;
    tokenHash: Buffer;
    expiresAt: Date;
    createdBy: string;
  },
): Promise<InvitationRow> {
  return tx
    .insertInto('invitations')
    .values({
      org_id: invitation.orgId,
      email: invitation.email,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      expires_at: invitation.expiresAt,
      created_by: invitation.createdBy,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Invitations still waiting for an answer, expired ones included, newest first. */
export async function listOpen(tx: Tx, orgId: string): Promise<InvitationRow[]> {
  return tx
    .selectFrom('invitations')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function lockInvitation(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<(InvitationRow & { accepted_at: Date | null; revoked_at: Date | null }) | undefined> {
  return tx
    .selectFrom('invitations')
    .select([...COLUMNS, 'accepted_at', 'revoked_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function revoke(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The pending (unanswered, unexpired) invitation a token's secret hashes to. */
export async function findPendingByHash(
  tx: Tx,
  orgId: string,
  hash: Buffer,
  options: { lock: boolean } = { lock: false },
): Promise<InvitationRow | undefined> {
  const query = tx
    .selectFrom('invitations')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('token_hash', '=', hash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date());
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function markAccepted(
  tx: Tx,
  orgId: string,
  id: string,
  userId: string,
): Promise<void> {
  await tx
    .updateTable('invitations')
    .set({ accepted_at: new Date(), accepted_by: userId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
