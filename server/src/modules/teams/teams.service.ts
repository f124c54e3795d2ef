import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ConflictError, invalidField, NotFoundError } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './teams.repo.js';

export interface Team extends repo.TeamRow {
  members: Array<{ user_id: string; name: string; email: string }>;
}

function withMembers(teams: repo.TeamRow[], members: repo.TeamMemberRow[]): Team[] {
  return teams.map((team) => ({
    ...team,
    members: members
      .filter((m) => m.team_id === team.id)
      .map(({ user_id, name, email }) => ({ user_id, name, email })),
  }));
}

function uniqueName<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: { constraint?: string }) => {
    if (error.constraint === 'teams_name_key') {
      throw new ConflictError('A team with this name already exists', {
        fields: [{ field: 'name', message: 'is already used by another team' }],
      });
    }
    throw error;
  });
}

export function listTeams(ctx: RequestContext): Promise<Team[]> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const teams = await repo.listTeams(tx);
    return withMembers(
      teams,
      await repo.listTeamMembers(
        tx,
        teams.map((t) => t.id),
      ),
    );
  });
}

export function getTeam(ctx: RequestContext, id: string): Promise<Team> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const team = await repo.findTeam(tx, id);
    if (!team) throw new NotFoundError('Team');
    return withMembers([team], await repo.listTeamMembers(tx, [id]))[0]!;
  });
}

export function createTeam(
  ctx: RequestContext,
  input: { name: string; description?: string },
): Promise<Team> {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  return uniqueName(
    withTenant(ctx.deps.db, ctx, async (tx, member) => {
      requireAdmin(member);
      const team = await repo.insertTeam(tx, {
        orgId: ctx.orgId,
        name,
        description: input.description?.trim() ?? '',
        createdBy: ctx.userId,
      });
      return { ...team, members: [] };
    }),
  );
}

export function updateTeam(
  ctx: RequestContext,
  id: string,
  input: { name?: string; description?: string },
): Promise<Team> {
  const name = input.name?.trim();
  if (name === '') throw invalidField('name', 'must not be blank');
  return uniqueName(
    withTenant(ctx.deps.db, ctx, async (tx, member) => {
      requireAdmin(member);
      const team = await repo.updateTeam(tx, id, { name, description: input.description?.trim() });
      if (!team) throw new NotFoundError('Team');
      return withMembers([team], await repo.listTeamMembers(tx, [id]))[0]!;
    }),
  );
}

export function deleteTeam(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    if (!(await repo.deleteTeam(tx, id))) throw new NotFoundError('Team');
  });
}

export function addTeamMember(ctx: RequestContext, teamId: string, userId: string): Promise<Team> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const team = await repo.findTeam(tx, teamId);
    if (!team) throw new NotFoundError('Team');
    // Someone outside the organization looks exactly like someone who does not exist.
    if (!(await repo.isMember(tx, userId))) throw new NotFoundError('Member');
    await repo.addTeamMember(tx, { orgId: ctx.orgId, teamId, userId, createdBy: ctx.userId });
    return withMembers([team], await repo.listTeamMembers(tx, [teamId]))[0]!;
  });
}

export function removeTeamMember(
  ctx: RequestContext,
  teamId: string,
  userId: string,
): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    if (!(await repo.removeTeamMember(tx, teamId, userId))) throw new NotFoundError('Team member');
  });
}
