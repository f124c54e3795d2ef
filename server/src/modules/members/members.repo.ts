import type { Role, Tx } from '../../db/tenant.js';

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: Date;
}

function selectMembers(tx: Tx, orgId: string) {
  return tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.name', 'm.role', 'm.created_at as joined_at'])
    .where('m.org_id', '=', orgId);
}

export async function listMembers(tx: Tx, orgId: string): Promise<MemberRow[]> {
  return selectMembers(tx, orgId).orderBy('m.created_at').orderBy('m.user_id').execute();
}

export async function findMember(
  tx: Tx,
  orgId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  return selectMembers(tx, orgId).where('m.user_id', '=', userId).executeTakeFirst();
}

/**
 * Locks the organization's owner memberships and returns their user ids. Two owners demoting
 * or removing each other at the same moment queue here, so the second sees the first's change
 * and the organization never ends up without an owner.
 */
export async function lockOwners(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .orderBy('user_id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.user_id);
}

export async function updateRole(tx: Tx, orgId: string, userId: string, role: Role): Promise<void> {
  await tx
    .updateTable('memberships')
    .set({ role })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMember(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx
    .deleteFrom('memberships')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

/** Whether an account with this (normalized) email belongs to the organization. */
export async function isMemberByEmail(tx: Tx, orgId: string, email: string): Promise<boolean> {
  const row = await tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.org_id', '=', orgId)
    .where('u.email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds a membership; an existing one is kept as it is. */
export async function insertMember(
  tx: Tx,
  member: { orgId: string; userId: string; role: Role; createdBy: string | null },
): Promise<void> {
  await tx
    .insertInto('memberships')
    .values({
      org_id: member.orgId,
      user_id: member.userId,
      role: member.role,
      created_by: member.createdBy,
    })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
    .execute();
}
