import { withContext } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { notify } from '../notifications/notify.js';
import { claimDueReminder } from './tasks.repo.js';

/**
 * Reminds a task's assignee that it is due, once. The job may run late, twice, or after the
 * task was completed, reassigned or moved to a later date: it re-reads the task and does
 * nothing unless a reminder is still owed now.
 */
export async function remindTaskDue(
  deps: JobDeps,
  payload: TaskPayloads['task__due'],
): Promise<void> {
  await withContext(deps.db, { orgId: payload.org_id, userId: null }, async (tx) => {
    const task = await claimDueReminder(tx, payload.task_id);
    if (!task) return;
    await notify(
      tx,
      { orgId: payload.org_id, userId: null },
      {
        userId: task.assignee_id,
        kind: 'task_due',
        title: `Task "${task.title}" is due`,
        recordType: 'task',
        recordId: task.id,
      },
    );
  });
}
