import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Logger,
  run,
  type Runner,
  type TaskList,
  type WorkerEvents,
  type WorkerPool,
} from 'graphile-worker';
import type pg from 'pg';
import { sendOrgEmail } from '../mail/outbox.js';
import {
  expireOrganizationExport,
  runOrganizationExport,
} from '../modules/exports/org-export.task.js';
import { runOrganizationRestore } from '../modules/exports/org-restore.task.js';
import { sendPasswordReset } from '../modules/auth/password-reset.task.js';
import { sendSignupEmail } from '../modules/auth/signup-email.task.js';
import { sendDailyDigests } from '../modules/notifications/daily-digest.task.js';
import { emailNotification } from '../modules/notifications/notification-email.task.js';
import { remindTaskDue } from '../modules/tasks/task-due.task.js';
import { checkImport } from '../modules/imports/import-check.task.js';
import { runImport } from '../modules/imports/import-run.task.js';
import { removeFileBlobs } from '../modules/files/remove-blobs.task.js';
import { sendRecordEmail } from '../modules/emails/send-email.task.js';
import type { JobDeps } from './context.js';
import * as workers from './job-workers.repo.js';
import type { TaskName, TaskPayloads } from './queue.js';

type Handlers = { [T in TaskName]: (deps: JobDeps, payload: TaskPayloads[T]) => Promise<void> };

const handlers: Handlers = {
  email__send: sendOrgEmail,
  emails__send: sendRecordEmail,
  auth__send_password_reset: sendPasswordReset,
  auth__send_signup_email: sendSignupEmail,
  notification__email: emailNotification,
  notifications__daily_digest: sendDailyDigests,
  task__due: remindTaskDue,
  exports__organization: runOrganizationExport,
  exports__expire: expireOrganizationExport,
  exports__restore: runOrganizationRestore,
  import__run: runImport,
  import__check: checkImport,
  files__remove_blobs: removeFileBlobs,
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
 *
 * The worker reports that it is alive every third of `workerDeadAfterSeconds`, and each time
 * frees the jobs of workers that stopped reporting that long ago (a killed or crashed process):
 * another worker runs them within about `workerDeadAfterSeconds` plus that third, instead of
 * the four hours after which the queue itself would; a job whose last attempt could not record
 * its outcome gets one more. `stop()` lets running jobs finish for up to
 * `workerShutdownGraceSeconds`; jobs still running then are handed back to the queue, to be
 * retried by another worker.
 */
export async function startWorker(
  deps: JobDeps,
  pgPool: pg.Pool,
  concurrency = 2,
): Promise<Runner> {
  const { workerDeadAfterSeconds, workerShutdownGraceSeconds } = deps.config;
  const events: WorkerEvents = new EventEmitter();
  let pool: WorkerPool | undefined;
  events.once('pool:create', ({ workerPool }) => {
    pool = workerPool;
  });
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
    events,
  });
  if (!pool) throw new Error('the job queue started no worker pool');
  const workerPool = pool;
  const id = workerPool.id;

  const watch = async () => {
    try {
      await workers.reportAlive(deps.db, id);
      const dead = await workers.unlockJobsOfDeadWorkers(deps.db, workerDeadAfterSeconds);
      if (dead.length > 0)
        deps.log.warn({ workers: dead }, 'freed the jobs of workers that stopped reporting');
      const unrecorded = await workers.retryUnrecordedOutcomes(deps.db);
      if (unrecorded > 0)
        deps.log.warn({ jobs: unrecorded }, 'retrying jobs whose last outcome was not recorded');
    } catch (error) {
      deps.log.warn({ err: error }, 'could not report the worker alive or look for dead ones');
    }
  };
  await watch();
  const timer = setInterval(() => void watch(), (workerDeadAfterSeconds * 1000) / 3);
  timer.unref();
  const stopWatching = () => clearInterval(timer);
  runner.promise.then(stopWatching, stopWatching);

  const stop = async () => {
    const stopped = runner.stop();
    const graceOver = sleep(workerShutdownGraceSeconds * 1000, 'over' as const, { ref: false });
    if ((await Promise.race([stopped, graceOver])) === 'over') {
      deps.log.warn(
        `jobs still running after ${workerShutdownGraceSeconds} s: handing them back to the queue`,
      );
      // The graceful stop now ends in an error that says it was cut short: expected here.
      stopped.catch(() => undefined);
      await workers
        .extendLastAttempts(deps.db, [id])
        .catch((error: unknown) =>
          deps.log.warn({ err: error }, 'could not give the jobs cut short one more attempt'),
        );
      // Not runner.kill(): once a graceful stop has begun it no longer reaches the pool.
      await workerPool.forcefulShutdown(`still running ${workerShutdownGraceSeconds} s after stop`);
    }
    stopWatching();
    await workers.removeWorker(deps.db, id);
  };
  return { ...runner, stop };
}
