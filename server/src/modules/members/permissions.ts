import type { Member } from '../../db/tenant.js';
import { ForbiddenError } from '../../lib/errors.js';

/** Admins and owners run the organization: the one place that says who they are. */
export function isAdmin(member: Member): boolean {
  return member.role === 'owner' || member.role === 'admin';
}

/** Members, invitations, the outbox and the audit log are for the organization's admins and owners. */
export function requireAdmin(
  member: Member,
  message = 'Only admins and owners of the organization can do this',
): void {
  if (!isAdmin(member)) throw new ForbiddenError(message);
}
