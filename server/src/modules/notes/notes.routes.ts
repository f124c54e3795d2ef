import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const noteRoutes: FastifyPluginAsyncTypebox = async () => {};
