import type { Tx } from '../../db/tenant.js';

export interface TeamRow {
  id: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
}

export interface TeamMemberRow {
  team_id: string;
  user_id: string;
  name: string;
  email: string;
}

const teamColumns = ['id', 'name', 'description', 'created_at', 'updated_at'] as const;

export function listTeams(tx: Tx): Promise<TeamRow[]> {
  return tx.selectFrom('teams').select(teamColumns).orderBy('name').orderBy('id').execute();
}

export function findTeam(tx: Tx, id: string): Promise<TeamRow | undefined> {
  return tx.selectFrom('teams').select(teamColumns).where('id', '=', id).executeTakeFirst();
}

export function listTeamMembers(tx: Tx, teamIds: string[]): Promise<TeamMemberRow[]> {
  if (teamIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['tm.team_id', 'tm.user_id', 'u.name', 'u.email'])
    .where('tm.team_id', 'in', teamIds)
    .orderBy('u.name')
    .execute();
}

export function insertTeam(
  tx: Tx,
  team: { orgId: string; name: string; description: string; createdBy: string },
): Promise<TeamRow> {
  return tx
    .insertInto('teams')
    .values({
      org_id: team.orgId,
      name: team.name,
      description: team.description,
      created_by: team.createdBy,
    })
    .returning(teamColumns)
    .executeTakeFirstOrThrow();
}

export function updateTeam(
  tx: Tx,
  id: string,
  changes: { name?: string; description?: string },
): Promise<TeamRow | undefined> {
  return tx
    .updateTable('teams')
    .set(changes)
    .where('id', '=', id)
    .returning(teamColumns)
    .executeTakeFirst();
}

export async function deleteTeam(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Adds a member; adding someone already in the team changes nothing. */
export async function addTeamMember(
  tx: Tx,
  member: { orgId: string; teamId: string; userId: string; createdBy: string },
): Promise<void> {
  await tx
    .insertInto('team_members')
    .values({
      org_id: member.orgId,
      team_id: member.teamId,
      user_id: member.userId,
      created_by: member.createdBy,
    })
    .onConflict((oc) => oc.columns(['org_id', 'team_id', 'user_id']).doNothing())
    .execute();
}

export async function removeTeamMember(tx: Tx, teamId: string, userId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('team_members')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function isMember(tx: Tx, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
