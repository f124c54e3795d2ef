import type { Runner } from 'graphile-worker';
import pino from 'pino';
import type { Logger } from 'pino';
import { openDatabase } from '../../src/db/pool.js';
import { startWorker } from '../../src/jobs/worker.js';
import { createMailer } from '../../src/mail/mailer.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';
import { createTestApp, testContextKey, type TestApp } from './test-app.js';

/**
 * The real job worker, logged in as the worker's own role as in production, on a pool of its
 * own that closes when the worker stops.
 */
export async function startTestWorker(
  t: TestApp,
  log: Logger = pino({ level: 'silent' }),
): Promise<Runner> {
  const database = openDatabase(t.testDb.workerUrl, 4, testContextKey);
  const runner = await startWorker({ ...t.deps, db: database.db, log }, database.pool);
  const stop = runner.stop.bind(runner);
  runner.stop = async () => {
    await stop();
    await database.close();
  };
  return runner;
}

/**
 * Waits until the queue holds no job that is due or being retried, so that everything enqueued
 * to run now has run. Jobs scheduled for later and never tried (every organization's next daily
 * digest) are not waited for.
 */
export async function drainJobs(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.ownerQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM graphile_worker._private_jobs
       WHERE run_at <= now() OR attempts > 0`,
    );
    if (row?.count === 0) return;
    if (Date.now() > deadline) throw new Error(`${row?.count} jobs still queued`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface MailingTestApp {
  t: TestApp;
  smtp: TestSmtpServer;
  worker: Runner;
  close(): Promise<void>;
}

/** The test app with a real SMTP server behind its mailer and the real worker running. */
export async function createMailingTestApp(
  mailFrom = 'Rampart <no-reply@rampart.test>',
  env: Record<string, string> = {},
): Promise<MailingTestApp> {
  const smtp = await startSmtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, mailFrom });
  const t = await createTestApp({ mailer, poolSize: 10, env });
  const worker = await startTestWorker(t);
  return {
    t,
    smtp,
    worker,
    close: async () => {
      await worker.stop();
      await t.close();
      mailer.close();
      await smtp.close();
    },
  };
}
