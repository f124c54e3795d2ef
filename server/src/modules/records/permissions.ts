import type { Member } from '../../db/tenant.js';
import { ForbiddenError } from '../../lib/errors.js';
import { isAdmin } from '../members/permissions.js';

/** A record is deleted by its owner or by an admin or owner of the organization. */
export function requireCanDelete(member: Member, record: { owner_id: string | null }): void {
  if (!isAdmin(member) && record.owner_id !== member.userId) {
    throw new ForbiddenError("Only the record's owner or an admin can delete it");
  }
}

/**
 * Admins and owners of the organization may, and so may the people named (a task's creator and
 * assignee, a note's author); anyone else is refused with `message`.
 */
export function requireAdminOr(
  member: Member,
  people: Array<string | null>,
  message: string,
): void {
  if (!isAdmin(member) && !people.includes(member.userId)) throw new ForbiddenError(message);
}
