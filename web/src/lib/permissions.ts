import { isAdmin } from '$lib/components/settings/settings.svelte';
import { session } from '$lib/session.svelte';

const isMe = (userId: string | null | undefined) =>
  userId != null && userId === session.me?.user.id;

/**
 * Whether the signed-in person may delete a record or give it another owner: its owner or an
 * admin, as the API decides (decision 0004). Controls they may not use are not shown.
 */
export function mayManageRecord(record: { owner_id: string | null }): boolean {
  return isAdmin() || isMe(record.owner_id);
}

/** Whether they may delete a task or give it to someone else: its creator, assignee or an admin. */
export function mayManageTask(task: {
  created_by: string | null;
  assignee_id: string | null;
}): boolean {
  return isAdmin() || isMe(task.created_by) || isMe(task.assignee_id);
}

/** Whether they may change or delete a note: its author or an admin. */
export function mayManageNote(note: { created_by: string | null }): boolean {
  return isAdmin() || isMe(note.created_by);
}

/** A file is deleted by whoever uploaded it or an admin, as a note is. */
export const mayManageFile = mayManageNote;
