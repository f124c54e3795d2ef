import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const outboxRoutes: FastifyPluginAsyncTypebox = async () => {};
