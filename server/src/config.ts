import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { AdmissionLimits } from './http/admission.js';

/**
 * Every setting Rampart reads from its environment. Nothing else in the code base reads
 * `process.env`: the entry points call `loadConfig()` once and pass the result down.
 */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Optional(
    Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')]),
  ),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  HOST: Type.Optional(Type.String()),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  APP_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  WORKER_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  BACKUP_DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_POOL_SIZE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  DATA_DIR: Type.Optional(Type.String()),
  EMBEDDED_PG_PORT: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.Optional(Type.String()),
  WORKER: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  API_PROCESSES: Type.Optional(Type.String({ pattern: '^[1-9][0-9]?$' })),
  LOG_LEVEL: Type.Optional(Type.String()),
  LOG_FORMAT: Type.Optional(
    Type.Union([Type.Literal('auto'), Type.Literal('json'), Type.Literal('pretty')]),
  ),
  DB_WAIT_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  DRAIN_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })),
  TRUST_PROXY: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  AUTH_RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  WEB_FORM_RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  HTTP_HEADERS_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  HTTP_REQUEST_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  HTTP_UPLOAD_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  HTTP_CONNECTION_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  HTTP_BODY_LIMIT_BYTES: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  DB_STATEMENT_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  EXPORT_RETENTION_HOURS: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })),
  WORKER_DEAD_AFTER_SECONDS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  WORKER_SHUTDOWN_GRACE_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 32 })),
  DB_POOL_WAIT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  DB_LOCK_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  ADMISSION_WAIT_MS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  MAX_EVENT_LOOP_DELAY_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  ADMISSION_QUEUE: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  ORG_MAX_ACTIVE: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  USER_MAX_ACTIVE: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  REFRESH_GRACE_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  FILE_MAX_BYTES: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
  SIGNUP_EMAIL_VERIFICATION: Type.Optional(
    Type.Union([Type.Literal('auto'), Type.Literal('on'), Type.Literal('off')]),
  ),
  SMTP_RECEIVER_PORT: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  SMTP_RECEIVER_DOMAIN: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.-]+$' })),
  SMTP_RECEIVER_MAX_BYTES: Type.Optional(Type.String({ pattern: '^[1-9][0-9]*$' })),
});

/** How long one client may hold the server, and how much it may send. */
export interface HttpLimits {
  /** From connection to the end of the request's headers. */
  headersTimeoutMs: number;
  /** From connection to the end of the request's body. */
  requestTimeoutMs: number;
  /** The same for a file upload, read and stored as it arrives (see http/body-timeout.ts). */
  uploadTimeoutMs: number;
  /** A socket with no traffic at all for this long is closed, whatever it is waiting for. */
  connectionTimeoutMs: number;
  /** An idle kept-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  bodyLimitBytes: number;
}

/** Set on the application's database role, so every session of it starts with them. */
export interface DatabaseTimeouts {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /** A statement waiting this long for a row or table lock gives up (503, nothing written). */
  lockTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  lockTimeoutMs: 10_000,
};

/** The names of every environment variable Rampart reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.properties);

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** Owner (or superuser) connection used for migrations; undefined means "run embedded PostgreSQL". */
  databaseUrl: string | undefined;
  /** Restricted connection for the API; derived from databaseUrl when absent. */
  appDatabaseUrl: string | undefined;
  /** The worker's connection, with a role of its own that alone reads the job queue; derived from databaseUrl when absent. */
  workerDatabaseUrl: string | undefined;
  /**
   * `npm run backup` and `npm run restore`: a superuser (or, for a backup, a BYPASSRLS role);
   * DATABASE_URL when absent.
   */
  backupDatabaseUrl: string | undefined;
  dbPoolSize: number;
  /** How long start-up waits for PostgreSQL to accept connections before it gives up. */
  dbWaitSeconds: number;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  runWorkerInProcess: boolean;
  /** How many processes serve the API on this machine (Node's cluster) when it is over 1. */
  apiProcesses: number;
  logLevel: string;
  /** `auto`: pretty when stdout is a terminal, JSON otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  /**
   * On SIGTERM, how long the server goes on serving while `/api/ready` answers 503, so that a
   * load balancer stops sending it requests before it closes.
   */
  drainSeconds: number;
  trustProxy: boolean;
  /** Sign-in, sign-up and password-reset requests allowed per client address per minute. */
  authRateLimitPerMinute: number;
  /**
   * Whether sign-up verifies the email address before the account exists (decision 0016).
   * `on`: always; the link is emailed, or written to the server log when no email can leave.
   * `off`: the account is created at once, and a taken address is refused (409), which tells
   * anyone whether an address has an account. `auto`: `on` when the instance sends email;
   * without email, the first account of the instance is created at once and later ones are
   * verified.
   */
  signupEmailVerification: 'auto' | 'on' | 'off';
  /** Web-form submissions and calendar-feed reads allowed per client address per minute. */
  webFormRateLimitPerMinute: number;
  /**
   * For this long after a refresh token is used, presenting it again returns the same successor
   * (a retried or raced refresh); after it, a reuse revokes the token's whole sign-in. 0: never.
   */
  refreshGraceSeconds: number;
  http: HttpLimits;
  databaseTimeouts: DatabaseTimeouts;
  /** How long a request waits for a pooled database connection before it gets 503. */
  dbPoolWaitMs: number;
  admission: AdmissionLimits;
  /**
   * While the process's event loop lags more than this (ms), API requests are refused with
   * 503 before any work is done on them; 0 turns the check off.
   */
  maxEventLoopDelayMs: number;
  /** How long an organization export can be downloaded before its file is removed. */
  exportRetentionHours: number;
  /**
   * The largest file anyone may upload on this instance; each organization's own limit (set by
   * its admins) applies beneath it.
   */
  fileMaxBytes: number;
  /**
   * The port of the SMTP receiver that logs email sent or BCC'd to an organization's logging
   * address; undefined: no receiver (0: any free port, for tests).
   */
  smtpReceiverPort: number | undefined;
  /** The domain of logging addresses (`log+<org id>.<secret>@<domain>`). */
  smtpReceiverDomain: string;
  /** The largest message the receiver takes, attachments included. */
  smtpReceiverMaxBytes: number;
  /** The bearer token `GET /metrics` requires; undefined means no metrics endpoint. */
  metricsToken: string | undefined;
  webBuildDir: string;
  /** A worker not heard from for this long is taken for dead; its jobs go to another. */
  workerDeadAfterSeconds: number;
  /** On stop, how long running jobs may take to finish before they go back to the queue. */
  workerShutdownGraceSeconds: number;
}

export class ConfigError extends Error {}

type Env = Static<typeof EnvSchema>;

/**
 * Secrets generated on first start and kept under the data folder, so a second start reuses
 * them. Only for the embedded default: production takes its secrets from the environment.
 */
export function dataSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, 'secrets.json');
  const saved = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  const existing = saved[name];
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(36).toString('base64url');
  writeFileSync(file, JSON.stringify({ ...saved, [name]: secret }, null, 2), { mode: 0o600 });
  return secret;
}

function publicUrlOf(env: Env, port: number): string {
  return (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
}

export function loadConfig(rawEnv: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.properties).flatMap((key) =>
      rawEnv[key] === undefined || rawEnv[key] === '' ? [] : [[key, rawEnv[key]]],
    ),
  );
  if (!Value.Check(EnvSchema, picked)) {
    const problems = [...Value.Errors(EnvSchema, picked)].map(
      (e) => `${e.instancePath.replace(/^\//, '') || 'environment'}: ${e.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env: Env = picked;
  const nodeEnv = env.NODE_ENV ?? 'development';
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  if (nodeEnv === 'production' && !env.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production',
    );
  }
  const http: HttpLimits = {
    headersTimeoutMs: Number(env.HTTP_HEADERS_TIMEOUT_MS ?? 10_000),
    requestTimeoutMs: Number(env.HTTP_REQUEST_TIMEOUT_MS ?? 30_000),
    uploadTimeoutMs: Number(env.HTTP_UPLOAD_TIMEOUT_MS ?? 900_000),
    connectionTimeoutMs: Number(env.HTTP_CONNECTION_TIMEOUT_MS ?? 60_000),
    keepAliveTimeoutMs: Number(env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 72_000),
    bodyLimitBytes: Number(env.HTTP_BODY_LIMIT_BYTES ?? 1024 * 1024),
  };
  if (http.headersTimeoutMs > http.requestTimeoutMs) {
    throw new ConfigError(
      'Invalid configuration:\n  HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  if (http.requestTimeoutMs > http.uploadTimeoutMs) {
    throw new ConfigError(
      'Invalid configuration:\n  HTTP_REQUEST_TIMEOUT_MS: must not exceed HTTP_UPLOAD_TIMEOUT_MS',
    );
  }
  const dbPoolSize = Number(env.DB_POOL_SIZE ?? 10);
  const perOrganization = Number(env.ORG_MAX_ACTIVE ?? Math.max(2, Math.floor(dbPoolSize / 3)));
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: publicUrlOf(env, port),
    databaseUrl: env.DATABASE_URL,
    appDatabaseUrl: env.APP_DATABASE_URL,
    workerDatabaseUrl: env.WORKER_DATABASE_URL,
    backupDatabaseUrl: env.BACKUP_DATABASE_URL,
    dbPoolSize,
    dbWaitSeconds: Number(env.DB_WAIT_SECONDS ?? 300),
    dataDir,
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 5488),
    jwtSecret: env.JWT_SECRET ?? dataSecret(dataDir, 'jwt_secret'),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'Rampart <no-reply@localhost>',
    runWorkerInProcess: (env.WORKER ?? 'true') === 'true',
    apiProcesses: Number(
      env.API_PROCESSES ?? (nodeEnv === 'production' ? os.availableParallelism() : 1),
    ),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: env.LOG_FORMAT ?? 'auto',
    drainSeconds: Number(env.DRAIN_SECONDS ?? 0),
    trustProxy: env.TRUST_PROXY === 'true',
    authRateLimitPerMinute: Number(env.AUTH_RATE_LIMIT_PER_MINUTE ?? 30),
    signupEmailVerification: env.SIGNUP_EMAIL_VERIFICATION ?? 'auto',
    webFormRateLimitPerMinute: Number(env.WEB_FORM_RATE_LIMIT_PER_MINUTE ?? 20),
    refreshGraceSeconds: Number(env.REFRESH_GRACE_SECONDS ?? 30),
    http,
    databaseTimeouts: {
      statementTimeoutMs: Number(
        env.DB_STATEMENT_TIMEOUT_MS ?? DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs,
      ),
      idleInTransactionTimeoutMs: Number(
        env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ??
          DEFAULT_DATABASE_TIMEOUTS.idleInTransactionTimeoutMs,
      ),
      lockTimeoutMs: Number(env.DB_LOCK_TIMEOUT_MS ?? DEFAULT_DATABASE_TIMEOUTS.lockTimeoutMs),
    },
    dbPoolWaitMs: Number(env.DB_POOL_WAIT_MS ?? 5_000),
    maxEventLoopDelayMs: Number(env.MAX_EVENT_LOOP_DELAY_MS ?? 200),
    admission: {
      active: dbPoolSize,
      perOrganization,
      perUser: Number(env.USER_MAX_ACTIVE ?? Math.min(4, perOrganization)),
      queue: Number(env.ADMISSION_QUEUE ?? 200),
      waitMs: Number(env.ADMISSION_WAIT_MS ?? 2_000),
    },
    exportRetentionHours: Number(env.EXPORT_RETENTION_HOURS ?? 24),
    fileMaxBytes: Number(env.FILE_MAX_BYTES ?? 100 * 1024 * 1024),
    smtpReceiverPort:
      env.SMTP_RECEIVER_PORT === undefined ? undefined : Number(env.SMTP_RECEIVER_PORT),
    smtpReceiverDomain: env.SMTP_RECEIVER_DOMAIN ?? new URL(publicUrlOf(env, port)).hostname,
    smtpReceiverMaxBytes: Number(env.SMTP_RECEIVER_MAX_BYTES ?? 25 * 1024 * 1024),
    metricsToken: env.METRICS_TOKEN,
    webBuildDir: path.resolve(import.meta.dirname, '../../web/build'),
    workerDeadAfterSeconds: Number(env.WORKER_DEAD_AFTER_SECONDS ?? 30),
    workerShutdownGraceSeconds: Number(env.WORKER_SHUTDOWN_GRACE_SECONDS ?? 20),
  };
}
