import { withContext, type Tx } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import { enqueueJob, type TaskPayloads } from '../../jobs/queue.js';
import { queueOrgEmail, type OrgEmail } from '../../mail/outbox.js';
import * as repo from './notifications.repo.js';

const DIGEST_HOUR_UTC = 7;
const DAY_MS = 86_400_000;
/** A digest is a reminder, not a report: past this many tasks it says how many more there are. */
const MAX_LISTED = 50;

/** The first 07:00 UTC after `now`. */
export function nextDigestAt(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = today + DIGEST_HOUR_UTC * 3_600_000;
  return new Date(at > now.getTime() ? at : at + DAY_MS);
}

/**
 * Schedules the organization's next digest in the caller's transaction. The job key keeps a
 * single pending digest per organization however often this is called.
 */
export function scheduleDailyDigest(tx: Tx, orgId: string, now = new Date()): Promise<void> {
  return enqueueJob(
    tx,
    'notifications__daily_digest',
    { org_id: orgId },
    { jobKey: `daily-digest:${orgId}`, runAt: nextDigestAt(now) },
  );
}

function line(task: repo.DigestTask, publicUrl: string, when: string): string {
  const priority = task.priority === 'normal' ? '' : `, ${task.priority} priority`;
  return `- ${task.title} (${when}${priority})\n  ${publicUrl}/tasks/${task.id}`;
}

function section(heading: string, lines: string[]): string {
  return lines.length > 0 ? `\n\n${heading}\n${lines.join('\n')}` : '';
}

function digestEmail(publicUrl: string, day: string, tasks: repo.DigestTask[]): OrgEmail {
  const person = tasks[0]!;
  const startOfDay = Date.parse(day);
  const overdue = tasks.filter((t) => t.due_at.getTime() < startOfDay);
  const dueToday = tasks.filter((t) => t.due_at.getTime() >= startOfDay);
  const listed = (list: repo.DigestTask[], when: (t: repo.DigestTask) => string) =>
    list.slice(0, MAX_LISTED).map((t) => line(t, publicUrl, when(t)));
  const omitted =
    Math.max(overdue.length - MAX_LISTED, 0) + Math.max(dueToday.length - MAX_LISTED, 0);
  return {
    to: person.email,
    subject: `Your tasks for ${day}: ${overdue.length} overdue, ${dueToday.length} due today`,
    text:
      `Hello ${person.name},` +
      section(
        'Overdue',
        listed(overdue, (t) => `was due ${t.due_at.toISOString().slice(0, 10)}`),
      ) +
      section(
        'Due today',
        listed(dueToday, (t) => `due ${t.due_at.toISOString().slice(11, 16)} UTC`),
      ) +
      (omitted > 0 ? `\n\n…and ${omitted} more: ${publicUrl}/tasks` : '') +
      '\n\nYou can turn this daily email off in your notification settings.\n',
    kind: 'daily_digest',
    createdBy: null,
  };
}

/**
 * The organization's daily digest: each member who wants one and has open tasks due today
 * (UTC) or overdue gets one email listing them, through the organization's outbox. A member
 * who already had today's digest is skipped, so running twice in a day sends nothing twice.
 * The next day's run is scheduled in the same transaction: if this one fails, it is retried
 * rather than lost, and the chain of digests never breaks or forks.
 */
export async function sendDailyDigests(
  deps: JobDeps,
  payload: TaskPayloads['notifications__daily_digest'],
  now = new Date(),
): Promise<void> {
  const orgId = payload.org_id;
  const day = now.toISOString().slice(0, 10);
  const endOfDay = new Date(Date.parse(day) + DAY_MS);
  await withContext(deps.db, { orgId, userId: null }, async (tx) => {
    const byMember = new Map<string, repo.DigestTask[]>();
    for (const task of await repo.dueTasksForDigest(tx, day, endOfDay)) {
      byMember.set(task.user_id, [...(byMember.get(task.user_id) ?? []), task]);
    }
    for (const [userId, tasks] of byMember) {
      if (await repo.claimDigest(tx, orgId, userId, day))
        await queueOrgEmail(tx, orgId, digestEmail(deps.config.publicUrl, day, tasks));
    }
    await scheduleDailyDigest(tx, orgId, now);
  });
}
