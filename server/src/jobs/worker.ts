import { Logger, run, type Runner, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import { sendOrgEmail } from '../mail/outbox.js';
import {
  expireOrganizationExport,
  runOrganizationExport,
} from '../modules/exports/org-export.task.js';
import { runOrganizationRestore } from '../modules/exports/org-restore.task.js';
import { sendPasswordReset } from '../modules/auth/password-reset.task.js';
import { sendDailyDigests } from '../modules/notifications/daily-digest.task.js';
import { emailNotification } from '../modules/notifications/notification-email.task.js';
import { remindTaskDue } from '../modules/tasks/task-due.task.js';
import { runImport, unlockStalledImports } from '../modules/imports/import-run.task.js';
import type { JobDeps } from './context.js';
import type { TaskName, TaskPayloads } from './queue.js';

type Handlers = { [T in TaskName]: (deps: JobDeps, payload: TaskPayloads[T]) => Promise<void> };

const handlers: Handlers = {
  email__send: sendOrgEmail,
  auth__send_password_reset: sendPasswordReset,
  notification__email: emailNotification,
  notifications__daily_digest: sendDailyDigests,
  task__due: remindTaskDue,
  exports__organization: runOrganizationExport,
  exports__expire: expireOrganizationExport,
  exports__restore: runOrganizationRestore,
  import__run: runImport,
};

/** Task files cannot be TypeScript on Node 20, so the tasks are registered here in code. */
export function taskList(deps: JobDeps): TaskList {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (payload: unknown, helpers: { job: JobDeps['job'] }) => {
        await (handler as (d: JobDeps, p: unknown) => Promise<void>)(
          { ...deps, job: helpers.job },
          payload,
        );
      },
    ]),
  );
}

function workerLogger(deps: JobDeps): Logger {
  return new Logger((scope) => (level, message) => {
    const log = deps.log.child({
      worker: scope.workerId,
      task: scope.taskIdentifier,
      job_id: scope.jobId,
    });
    if (level === 'error') log.error(message);
    else if (level === 'warning') log.warn(message);
    else if (level === 'info') log.info(message);
    else log.debug(message);
  });
}

/**
 * Starts processing jobs on the restricted pool. Unnamed statements only, so it also runs
 * behind PgBouncer in transaction mode.
 */
export async function startWorker(
  deps: JobDeps,
  pgPool: pg.Pool,
  concurrency = 2,
): Promise<Runner> {
  const runner = await run({
    pgPool,
    taskList: taskList(deps),
    concurrency,
    noHandleSignals: true,
    noPreparedStatements: true,
    pollInterval: 1000,
    // No cron: an empty list, so graphile-worker does not look for a crontab file and log
    // "Failed to read crontab file… cron is disabled" at every start.
    parsedCronItems: [],
    logger: workerLogger(deps),
  });
  const unlock = () =>
    unlockStalledImports(deps.db, deps.config.importStalledSeconds).catch((error: unknown) =>
      deps.log.warn({ err: error }, 'could not look for stalled imports'),
    );
  await unlock();
  const timer = setInterval(unlock, (deps.config.importStalledSeconds * 1000) / 4);
  timer.unref();
  const stop = () => clearInterval(timer);
  runner.promise.then(stop, stop);
  return runner;
}
