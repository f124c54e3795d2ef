import { recordSecurityEvent } from '../../db/security-events.js';
import { withTenant, type Role } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ForbiddenError, invalidField, NotFoundError } from '../../lib/errors.js';
import { forgetMember } from '../custom-fields/custom-fields.service.js';
import { requireAdmin } from './permissions.js';
import * as repo from './members.repo.js';

/** Membership reads and writes that invitations run inside their own transaction. */
export { insertMember, isMemberByEmail } from './members.repo.js';

export interface MemberView {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: string;
}

function view(row: repo.MemberRow): MemberView {
  return { ...row, joined_at: row.joined_at.toISOString() };
}

const LAST_OWNER = 'is the last owner of the organization; make another member an owner first';

export async function listMembers(ctx: RequestContext): Promise<MemberView[]> {
  return withTenant(ctx.deps.db, ctx, async (tx) =>
    (await repo.listMembers(tx, ctx.orgId)).map(view),
  );
}

/**
 * Admins change roles; only an owner makes or unmakes an owner, and the last owner stays one.
 * Ownership is read after locking the owners, not from the request's opening check, so two
 * owners demoting each other at once cannot leave the organization without one.
 */
export async function changeRole(
  ctx: RequestContext,
  userId: string,
  input: { role: Role },
): Promise<MemberView> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const owners = await repo.lockOwners(tx, ctx.orgId);
    const target = await repo.findMember(tx, ctx.orgId, userId);
    if (!target) throw new NotFoundError('Member');
    if (target.role === input.role) return view(target);
    if ((target.role === 'owner' || input.role === 'owner') && !owners.includes(ctx.userId)) {
      throw new ForbiddenError('Only an owner can make or unmake an owner');
    }
    if (target.role === 'owner' && owners.length <= 1) throw invalidField('role', LAST_OWNER);
    await repo.updateRole(tx, ctx.orgId, target.user_id, input.role);
    await recordSecurityEvent(tx, 'member.role_changed', {
      user_id: target.user_id,
      email: target.email,
      from: target.role,
      to: input.role,
    });
    return view({ ...target, role: input.role });
  });
}

/** Admins remove members; anyone may leave. An owner is removed only by an owner. */
export async function removeMember(ctx: RequestContext, userId: string): Promise<void> {
  const leaving = userId.toLowerCase() === ctx.userId.toLowerCase();
  await withTenant(ctx.deps.db, ctx, async (tx, member) => {
    if (!leaving) requireAdmin(member);
    const owners = await repo.lockOwners(tx, ctx.orgId);
    const target = await repo.findMember(tx, ctx.orgId, userId);
    if (!target) throw new NotFoundError('Member');
    if (target.role === 'owner') {
      if (!leaving && !owners.includes(ctx.userId)) {
        throw new ForbiddenError('Only an owner can remove an owner');
      }
      if (owners.length <= 1) throw invalidField('user_id', LAST_OWNER);
    }
    await repo.deleteMember(tx, ctx.orgId, target.user_id);
    await forgetMember(tx, target.user_id);
    await recordSecurityEvent(tx, 'member.removed', {
      user_id: target.user_id,
      email: target.email,
      role: target.role,
      left: leaving,
    });
  });
}
