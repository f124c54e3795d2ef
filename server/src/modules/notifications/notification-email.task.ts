import { withContext } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { queueOrgEmail } from '../../mail/outbox.js';
import { recordPath } from '../records/registry.js';
import { markEmailed, notificationToEmail } from './notifications.repo.js';

/**
 * Emails one notification to its recipient if their preferences ask for it. The email goes
 * through the organization's outbox; a notification already emailed is not sent again.
 */
export async function emailNotification(
  deps: JobDeps,
  payload: TaskPayloads['notification__email'],
): Promise<void> {
  await withContext(deps.db, { orgId: payload.org_id, userId: null }, async (tx) => {
    const notification = await notificationToEmail(tx, payload.org_id, payload.notification_id);
    if (!notification || notification.emailed_at) return;
    const wanted =
      notification.kind === 'task_due' ? notification.on_task_due : notification.on_assignment;
    if (!wanted) return;
    const link =
      notification.record_type && notification.record_id
        ? `\n\nOpen it: ${deps.config.publicUrl}${recordPath(notification.record_type, notification.record_id)}`
        : '';
    await queueOrgEmail(tx, payload.org_id, {
      to: notification.email,
      subject: notification.title,
      text: `Hello ${notification.name},\n\n${notification.title}.${notification.body ? `\n\n${notification.body}` : ''}${link}\n\nYou can choose which emails you get in your profile settings.\n`,
      kind: 'notification',
      createdBy: null,
    });
    await markEmailed(tx, payload.org_id, notification.id);
  });
}
