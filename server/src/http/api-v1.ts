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
import { orgRoutes } from '../modules/orgs/orgs.routes.js';
import { outboxRoutes } from '../modules/outbox/outbox.routes.js';
import { teamRoutes } from '../modules/teams/teams.routes.js';
import { accountRoutes } from '../modules/accounts/accounts.routes.js';
import { contactRoutes } from '../modules/contacts/contacts.routes.js';
import { pipelineRoutes } from '../modules/pipelines/pipelines.routes.js';
import { dealRoutes } from '../modules/deals/deals.routes.js';
import { taskRoutes } from '../modules/tasks/tasks.routes.js';
import { noteRoutes } from '../modules/notes/notes.routes.js';
import { timelineRoutes } from '../modules/timeline/timeline.routes.js';
import { emailRoutes } from '../modules/emails/emails.routes.js';
import { fileRoutes } from '../modules/files/files.routes.js';
import { tagRoutes } from '../modules/tags/tags.routes.js';
import { customFieldRoutes } from '../modules/custom-fields/custom-fields.routes.js';
import { bulkRoutes } from '../modules/bulk/bulk.routes.js';
import { duplicateRoutes } from '../modules/duplicates/duplicates.routes.js';
import { mergeRoutes } from '../modules/merge/merge.routes.js';
import { searchRoutes } from '../modules/search/search.routes.js';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.js';
import { notificationRoutes } from '../modules/notifications/notifications.routes.js';
import { exportRoutes } from '../modules/exports/exports.routes.js';
import { restoreRoutes } from '../modules/exports/restores.routes.js';
import { sampleDataRoutes } from '../modules/sample-data/sample-data.routes.js';
import { importRoutes } from '../modules/imports/imports.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { webFormRoutes } from '../modules/web-forms/web-forms.routes.js';
import { viewRoutes } from '../modules/views/views.routes.js';
import { refuseWhileOverloaded, requireAdmission } from './admission.js';
import { requireSignedIn } from './authenticate.js';
import { acceptIdempotencyKeys } from './idempotency.js';

/** Every route of the public REST API, version 1. */
export const apiV1Routes: FastifyPluginAsyncTypebox = async (app) => {
  await refuseWhileOverloaded(app);
  // Here rather than in the signed-in scope: sign-in, sign-up and the invitation routes need
  // no session, yet take a connection (and a password hash) as any other request does.
  requireAdmission(app);
  await app.register(authRoutes);
  await app.register(publicInvitationRoutes);

  await app.register(async (signedIn) => {
    requireSignedIn(signedIn);
    acceptIdempotencyKeys(signedIn);
    await signedIn.register(meRoutes);
    await signedIn.register(orgRoutes);
    await signedIn.register(memberRoutes);
    await signedIn.register(invitationRoutes);
    await signedIn.register(auditRoutes);
    await signedIn.register(outboxRoutes);
    await signedIn.register(teamRoutes);
    await signedIn.register(duplicateRoutes);
    await signedIn.register(mergeRoutes);
    await signedIn.register(leadRoutes);
    await signedIn.register(accountRoutes);
    await signedIn.register(contactRoutes);
    await signedIn.register(pipelineRoutes);
    await signedIn.register(dealRoutes);
    await signedIn.register(taskRoutes);
    await signedIn.register(noteRoutes);
    await signedIn.register(timelineRoutes);
    await signedIn.register(emailRoutes);
    await signedIn.register(fileRoutes);
    await signedIn.register(tagRoutes);
    await signedIn.register(customFieldRoutes);
    await signedIn.register(bulkRoutes);
    await signedIn.register(searchRoutes);
    await signedIn.register(dashboardRoutes);
    await signedIn.register(notificationRoutes);
    await signedIn.register(sampleDataRoutes);
    await signedIn.register(exportRoutes);
    await signedIn.register(restoreRoutes);
    await signedIn.register(importRoutes);
    await signedIn.register(webFormRoutes);
    await signedIn.register(calendarRoutes);
    await signedIn.register(viewRoutes);
  });
};
