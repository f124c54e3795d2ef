import { sql } from 'kysely';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LATEST_MIGRATION as latestMigration } from '../../db/migrate.js';

const Status = Type.Object({ status: Type.String() });

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
        summary: 'Readiness: the database answers and every migration is applied',
        response: { 200: Status, 503: Status },
      },
    },
    async (_request, reply) => {
      try {
        const { rows } = await sql<{ applied: boolean }>`
          SELECT exists(SELECT 1 FROM schema_migrations WHERE name = ${latestMigration}) AS applied`.execute(
          app.deps.db,
        );
        if (rows[0]?.applied) return { status: 'ready' };
        return reply.status(503).send({ status: 'migrations pending' });
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
    },
  );
};
