import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const pipelineRoutes: FastifyPluginAsyncTypebox = async () => {};
