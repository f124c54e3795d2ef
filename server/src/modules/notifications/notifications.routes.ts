import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const notificationRoutes: FastifyPluginAsyncTypebox = async () => {};
