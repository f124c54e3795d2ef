import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { ContextKey } from '../../src/db/context-key.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/pool.js';
import type { AppDeps } from '../../src/http/context.js';
import { buildApp } from '../../src/http/app.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import { adminQuery, TEST_JWT_SECRET, withDatabase } from './global-setup.js';

export interface TestDatabase {
  name: string;
  /** Superuser connection to this database: for arranging data and inspecting the catalog. */
  ownerUrl: string;
  /** The restricted role the API uses. */
  appUrl: string;
  /** The worker's role: the API's grants and the job queue. */
  workerUrl: string;
  drop(): Promise<void>;
}

/** A fresh database copied from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `rampart_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  return {
    name,
    ownerUrl: withDatabase(adminUrl, name),
    appUrl: withDatabase(inject('templateAppUrl'), name),
    workerUrl: withDatabase(inject('templateWorkerUrl'), name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: path.join(os.tmpdir(), 'rampart-test-data'),
    PUBLIC_URL: 'http://rampart.test',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    // Tests fire many requests at once from one user; only admission tests wait for less.
    ADMISSION_WAIT_MS: '30000',
    // A loaded test machine lags; only the test of that refusal turns it on.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // Most tests need accounts, not the sign-up that verifies an email before making one:
    // signup.test.ts and the sign-up browser test run it.
    SIGNUP_EMAIL_VERIFICATION: 'off',
    ...overrides,
  });
}

/** The key the test configuration signs tenant contexts with, installed in every test database. */
export const testContextKey = new ContextKey(TEST_JWT_SECRET);

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
  testDb: TestDatabase;
  /** Runs SQL as the superuser, past RLS: for arranging and checking, never for the API. */
  ownerQuery<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<R[]>;
  close(): Promise<void>;
}

/** The real application on its own fresh database, driven in-process with `app.inject`. */
export async function createTestApp(
  options: { env?: Record<string, string>; mailer?: Mailer; poolSize?: number } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = testConfig(options.env);
  const database = openDatabase(testDb.appUrl, options.poolSize ?? 5, testContextKey);
  const deps: AppDeps = { config, db: database.db, mailer: options.mailer ?? createMailer(config) };
  const app = await buildApp(deps, { logger: false, pool: database.pool });
  await app.ready();
  const owner = new pg.Pool({ connectionString: testDb.ownerUrl, max: 2 });
  // pg's pool.end() resolves before its connections have closed; dropping the database then
  // terminates them, which must not surface as an uncaught error.
  owner.on('error', () => undefined);
  return {
    app,
    deps,
    database,
    testDb,
    ownerQuery: async (text, values) => (await owner.query(text, values)).rows,
    close: async () => {
      await app.close();
      await database.close();
      await owner.end();
      await testDb.drop();
    },
  };
}

export interface SignedUp {
  accessToken: string;
  refreshToken: string;
  userId: string;
  orgId: string;
  email: string;
  password: string;
  auth: { authorization: string };
}

let counter = 0;

/** Registers a new user with a new organization through the API. */
export async function signUp(app: FastifyInstance, label = 'user'): Promise<SignedUp> {
  counter += 1;
  const email = `${label}-${counter}-${randomBytes(3).toString('hex')}@example.com`;
  const password = 'a long enough password';
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, name: `${label} ${counter}`, org_name: `${label} org ${counter}` },
  });
  if (response.statusCode !== 201)
    throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{
    access_token: string;
    refresh_token: string;
    user: { id: string };
    org: { id: string };
  }>();
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    userId: body.user.id,
    orgId: body.org.id,
    email,
    password,
    auth: { authorization: `Bearer ${body.access_token}` },
  };
}
