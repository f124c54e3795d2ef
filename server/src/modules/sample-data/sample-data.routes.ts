import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const sampleDataRoutes: FastifyPluginAsyncTypebox = async () => {};
