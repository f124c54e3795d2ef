import { setTimeout as sleep } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { forkApiProcesses } from './cluster.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { EmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { openDatabase, waitForDatabase } from './db/pool.js';
import { ContextKey, installContextKey } from './db/context-key.js';
import {
  assertSafeAppRole,
  DEFAULT_WORKER_ROLE,
  ensureAppRole,
  migrateForDeploy,
  WORKER_GROUPS,
} from './db/roles.js';
import { assertContextKey } from './db/tenant.js';
import { buildApp } from './http/app.js';
import { startWorker } from './jobs/worker.js';
import { createLogger } from './logger.js';
import { createMailer } from './mail/mailer.js';
import { startEmailReceiver } from './modules/emails/receiver.js';

type Mode = 'all' | 'worker' | 'migrate';

type Cleanup = () => Promise<void>;

/**
 * Rampart's one entry point: `npm start` (API, web app and, by default, the worker),
 * `npm run worker` (the worker alone) and `npm run migrate` (migrations and the app role, then
 * exit: a deploy's one-shot step when the API processes get only APP_DATABASE_URL).
 */
async function main(mode: Mode): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config);
  const cleanups: Cleanup[] = [];

  let closing: Promise<void> | undefined;
  // Once, whoever asks first: a signal, a failed start, or the embedded PostgreSQL dying.
  const close = () =>
    (closing ??= (async () => {
      for (const cleanup of cleanups.reverse())
        await cleanup().catch((error) => log.error({ err: error }, 'shutdown step failed'));
    })());
  const fail = async (details: Record<string, unknown>, message: string) => {
    log.fatal(details, message);
    // Bounded: a stop step waiting on a dead database must not keep a broken process alive.
    await Promise.race([close(), sleep(15_000)]);
    process.exit(1);
  };
  closeWithGrace(
    {
      delay: (config.drainSeconds + config.workerShutdownGraceSeconds) * 1000 + 20_000,
      // Several API processes reload on SIGHUP (see run) instead of stopping.
      skip: clustered(mode, config) ? ['SIGHUP'] : [],
    },
    async ({ signal, err }) => {
      if (err) log.error({ err }, 'stopping after an unexpected error');
      else log.info({ signal }, 'stopping');
      await close();
    },
  );

  try {
    await run(mode, config, log, cleanups, fail);
    if (mode === 'migrate') {
      await close();
      process.exit(0);
    }
  } catch (error) {
    // A start that cannot complete says why in one line, then stops what it had started.
    await fail({ err: error }, error instanceof Error ? error.message : String(error));
  }
}

type Fail = (details: Record<string, unknown>, message: string) => Promise<void>;

/** Whether this process starts several API processes (API_PROCESSES) instead of serving. */
function clustered(mode: Mode, config: Config): boolean {
  return mode === 'all' && config.apiProcesses > 1;
}

async function run(
  mode: Mode,
  config: Config,
  log: Logger,
  cleanups: Cleanup[],
  fail: Fail,
): Promise<void> {
  const startedAt = performance.now();
  let ownerUrl = config.databaseUrl;
  // Only a process given no database at all runs the embedded one: a worker given only its own
  // WORKER_DATABASE_URL (as in compose.yaml) uses that.
  if (!ownerUrl && !config.appDatabaseUrl && !config.workerDatabaseUrl) {
    // Loaded only here: the container image leaves out the PostgreSQL binaries it would load.
    const { startEmbeddedPostgres } = await import('./db/embedded.js');
    const embedded: EmbeddedDatabase = await startEmbeddedPostgres(
      config.dataDir,
      config.embeddedPgPort,
      (m) => log.info(m),
    );
    cleanups.push(async () => {
      await embedded.stop();
      log.info('embedded PostgreSQL stopped');
    });
    // Nothing works without it: say why it went away, and stop rather than serve errors.
    embedded.onUnexpectedExit(({ code, signal, lastLines }) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      void fail(
        { code, signal, log: embedded.logFile, last_lines: lastLines },
        `embedded PostgreSQL ${how}; stopping (its log: ${embedded.logFile})`,
      );
    });
    ownerUrl = embedded.url;
    log.info(
      { port: config.embeddedPgPort, data: config.dataDir, log: embedded.logFile },
      'embedded PostgreSQL running',
    );
  }

  const waitOptions = {
    timeoutMs: config.dbWaitSeconds * 1000,
    log: (message: string) => log.warn(message),
  };
  const runsWorker = mode === 'worker' || config.runWorkerInProcess;
  const runsApi = mode === 'all';
  const key = new ContextKey(config.jwtSecret);
  let appUrl = config.appDatabaseUrl;
  let workerUrl = config.workerDatabaseUrl;
  if (ownerUrl && mode === 'migrate') {
    await waitForDatabase(ownerUrl, waitOptions);
    await migrateForDeploy(ownerUrl, config, (message) => log.info(message));
  } else if (ownerUrl) {
    await waitForDatabase(ownerUrl, waitOptions);
    await migrate(ownerUrl, (message) => log.info(message));
    await installContextKey(ownerUrl, key);
    if (runsApi) appUrl ??= await ensureAppRole(ownerUrl, undefined, config.databaseTimeouts);
    if (runsWorker) {
      workerUrl ??= await ensureAppRole(
        ownerUrl,
        DEFAULT_WORKER_ROLE,
        config.databaseTimeouts,
        undefined,
        WORKER_GROUPS,
      );
    }
  } else if (mode === 'migrate') {
    throw new Error('migrate needs DATABASE_URL, the owner connection');
  } else {
    log.info('no DATABASE_URL: migrations are left to the migrate command');
  }
  if (mode === 'migrate') {
    log.info('migrations applied and the app roles are ready');
    return;
  }
  if (runsApi && !appUrl) throw new Error('no database connection');
  if (runsWorker && !workerUrl) {
    throw new Error(
      'the worker needs WORKER_DATABASE_URL (a role of its own, which npm run migrate creates), ' +
        'or DATABASE_URL to create it; or run the API alone with WORKER=false',
    );
  }
  const openChecked = async (url: string, given: boolean) => {
    // A connection given by the operator may go through PgBouncer, which can start after PostgreSQL.
    if (given) await waitForDatabase(url, waitOptions);
    const database = openDatabase(url, config.dbPoolSize, key, config.dbPoolWaitMs);
    cleanups.push(() => database.close());
    // Both throw an error whose message says what is wrong and what to do.
    await assertSafeAppRole((text) => database.pool.query(text));
    await assertContextKey(database.db);
    return database;
  };
  const forks = clustered(mode, config);
  const database =
    runsApi && !forks && appUrl ? await openChecked(appUrl, !!config.appDatabaseUrl) : null;

  const mailer = createMailer(config);
  cleanups.push(async () => mailer.close());

  if (runsWorker && workerUrl) {
    const workerDatabase = await openChecked(workerUrl, !!config.workerDatabaseUrl);
    const worker = await startWorker(
      { config, db: workerDatabase.db, mailer, log: log.child({ component: 'worker' }) },
      workerDatabase.pool,
    );
    cleanups.push(() => worker.stop());
  }
  if (forks && appUrl) {
    // Each process serves the API alone on the app role; migrations, the embedded PostgreSQL
    // and the worker stay here.
    const processes = await forkApiProcesses(
      config.apiProcesses,
      {
        APP_DATABASE_URL: appUrl,
        DATABASE_URL: undefined,
        WORKER_DATABASE_URL: undefined,
        WORKER: 'false',
        API_PROCESSES: '1',
      },
      log,
    );
    cleanups.push(() => processes.stop());
    process.on('SIGHUP', () => {
      log.info('SIGHUP: reloading the API processes one at a time');
      processes.reload().catch((error: unknown) => log.error({ err: error }, 'reload failed'));
    });
    log.info(
      { processes: config.apiProcesses, startup_ms: Math.round(performance.now() - startedAt) },
      `${config.apiProcesses} API processes running: open ${config.publicUrl}`,
    );
    log.info({ email: emailSetting(config) }, emailMessage(config));
    return;
  }
  if (!database) {
    log.info('worker running');
    log.info({ email: emailSetting(config) }, emailMessage(config));
    return;
  }
  const deps = { config, db: database.db, mailer };

  const app = await buildApp(deps, { loggerInstance: log, pool: database.pool });
  cleanups.push(async () => {
    app.startDraining();
    if (config.drainSeconds > 0) {
      log.info(`not ready any more: serving ${config.drainSeconds} s longer before closing`);
      await sleep(config.drainSeconds * 1000);
    }
    // Stop accepting connections; in-flight requests finish before the pool closes.
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  // With the API, not the worker: it answers senders at once, as the API answers browsers.
  if (config.smtpReceiverPort !== undefined) {
    const receiver = await startEmailReceiver(deps, log, config.smtpReceiverPort, config.host);
    cleanups.push(() => receiver.close());
    log.info(
      { port: receiver.port, domain: config.smtpReceiverDomain },
      'receiving email for logging addresses',
    );
  }
  log.info(
    { url: config.publicUrl, startup_ms: Math.round(performance.now() - startedAt) },
    `Rampart is running: open ${config.publicUrl}`,
  );
  log.info({ email: emailSetting(config) }, emailMessage(config));
}

/** Where email goes, without the SMTP credentials. */
function emailSetting(config: Config): string {
  if (!config.smtpUrl) return 'not configured';
  const url = new URL(config.smtpUrl);
  return `${url.protocol}//${url.host}`;
}

function emailMessage(config: Config): string {
  if (config.smtpUrl) return `Email is sent through ${emailSetting(config)}`;
  return (
    'Email is not configured (SMTP_URL): invitations wait in each organization’s outbox, ' +
    'password-reset links are written to this log'
  );
}

function modeOf(argv: string[]): Mode {
  if (argv.includes('--migrate')) return 'migrate';
  return argv.includes('--worker') ? 'worker' : 'all';
}

await main(modeOf(process.argv));
