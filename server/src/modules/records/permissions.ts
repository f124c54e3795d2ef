import type { Member } from '../../db/tenant.js';
import { ForbiddenError } from '../../lib/errors.js';
import { isAdmin } from '../members/permissions.js';

/**
 * Admins and owners of the organization may, and so may the people named (a record's owner, a
 * task's creator and assignee, a note's author); anyone else is refused with `message`, on
 * `field` when the refusal is about one field of the input.
 */
export function requireAdminOr(
  member: Member,
  people: Array<string | null>,
  message: string,
  field?: string,
): void {
  if (!isAdmin(member) && !people.includes(member.userId)) throw new ForbiddenError(message, field);
}

/** A record is deleted by its owner or by an admin or owner of the organization. */
export function requireCanDelete(member: Member, record: { owner_id: string | null }): void {
  requireAdminOr(member, [record.owner_id], "Only the record's owner or an admin can delete it");
}

/**
 * Who may delete a record may hand it to someone else, and nobody more: were any member free
 * to give a record a new owner, they could make it theirs and then delete it. Writing the
 * owner it already has is no change and always allowed (forms send every field).
 */
export function requireCanReassign(
  member: Member,
  record: { owner_id: string | null },
  ownerId: string | null | undefined,
): void {
  if (ownerId === undefined || ownerId === record.owner_id) return;
  requireAdminOr(
    member,
    [record.owner_id],
    "Only the record's owner or an admin can give it another owner",
    'owner_id',
  );
}

/** The people who may delete a task may give it to someone else, and nobody more. */
export function requireCanManageTask(
  member: Member,
  task: { created_by: string | null; assignee_id: string | null },
  action: 'delete' | 'reassign',
): void {
  requireAdminOr(
    member,
    [task.created_by, task.assignee_id],
    `Only its creator, its assignee or an admin can ${action} a task`,
    action === 'reassign' ? 'assignee_id' : undefined,
  );
}
