import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LATEST_MIGRATION as latestMigration } from '../../db/migrate.js';
import { poolOf } from '../../db/pool.js';

const Status = Type.Object({ status: Type.String() });

/** Readiness answers within this long, whatever the database does (ms). */
export const READY_TIMEOUT_MS = 1_000;

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary:
          'Readiness: the database answers within a second, every migration is applied, and the API has room for more requests',
        response: { 200: Status, 503: Status },
      },
    },
    async (_request, reply) => {
      // Refusing requests for lack of room or for lag: a load balancer should send them elsewhere.
      if (app.admission.busy) return reply.status(503).send({ status: 'busy' });
      const answer = await Promise.race([
        migrationsApplied(),
        sleep(READY_TIMEOUT_MS).then(() => 'timeout' as const),
      ]);
      // Every pooled connection taken (long requests, or more than admission can see): the
      // check waited for one and never reached the database, which may well answer; new
      // requests wait as it did.
      if (answer === 'timeout' && !checkConnected && poolFull())
        return reply.status(503).send({ status: 'busy' });
      if (answer === 'timeout') return reply.status(503).send({ status: 'database not answering' });
      if (answer === 'unavailable')
        return reply.status(503).send({ status: 'database unavailable' });
      if (answer) return { status: 'ready' };
      return reply.status(503).send({ status: 'migrations pending' });
    },
  );

  const poolFull = () => {
    const pool = poolOf(app.deps.db);
    return pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? Infinity);
  };

  let pending: Promise<boolean | 'unavailable'> | null = null;
  /** Whether the check in flight has its connection, or still waits for one. */
  let checkConnected = false;

  /**
   * Whether the last migration is applied. One check at a time: while the database hangs, the
   * probes that time out share the check in flight instead of each taking a connection.
   */
  function migrationsApplied(): Promise<boolean | 'unavailable'> {
    if (pending) return pending;
    checkConnected = false;
    pending = app.deps.db
      .connection()
      .execute((connection) => {
        checkConnected = true;
        return sql<{ applied: boolean }>`
          SELECT exists(SELECT 1 FROM schema_migrations WHERE name = ${latestMigration}) AS applied`.execute(
          connection,
        );
      })
      .then(({ rows }) => rows[0]?.applied === true)
      .catch(() => 'unavailable' as const)
      .finally(() => {
        pending = null;
      });
    return pending;
  }
};
