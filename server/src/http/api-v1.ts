import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { meRoutes } from '../modules/auth/me.routes.js';
import {
  invitationRoutes,
  publicInvitationRoutes,
} from '../modules/invitations/invitations.routes.js';
import { leadRoutes } from '../modules/leads/leads.routes.js';
import { memberRoutes } from '../modules/members/members.routes.js';
import { outboxRoutes } from '../modules/outbox/outbox.routes.js';
import { teamRoutes } from '../modules/teams/teams.routes.js';
import { requireSignedIn } from './authenticate.js';

/** Every route of the public REST API, version 1. */
export const apiV1Routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(authRoutes);
  await app.register(publicInvitationRoutes);

  await app.register(async (signedIn) => {
    requireSignedIn(signedIn);
    await signedIn.register(meRoutes);
    await signedIn.register(memberRoutes);
    await signedIn.register(invitationRoutes);
    await signedIn.register(auditRoutes);
    await signedIn.register(outboxRoutes);
    await signedIn.register(teamRoutes);
    await signedIn.register(leadRoutes);
  });
};
