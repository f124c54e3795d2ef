import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const dealRoutes: FastifyPluginAsyncTypebox = async () => {};
