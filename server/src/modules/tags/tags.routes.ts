import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const tagRoutes: FastifyPluginAsyncTypebox = async () => {};
