import type { Member } from '../../db/tenant.js';
import { ForbiddenError } from '../../lib/errors.js';

/** Members, invitations and the outbox are managed by an organization's admins and owners. */
export function requireAdmin(member: Member): void {
  if (member.role !== 'owner' && member.role !== 'admin') {
    throw new ForbiddenError('Only admins and owners of the organization can do this');
  }
}
