import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const invitationRoutes: FastifyPluginAsyncTypebox = async () => {};
export const publicInvitationRoutes: FastifyPluginAsyncTypebox = async () => {};
