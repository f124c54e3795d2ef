import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicCalendarRoutes } from '../modules/calendar/calendar.routes.js';
import { publicFormRoutes } from '../modules/web-forms/public-forms.routes.js';
import { refuseWhileOverloaded, requireAdmission } from './admission.js';

/**
 * Routes that other sites and applications call without any session: a secret in the address
 * names the organization and the thing it opens (a web form, a calendar feed). Kept apart from
 * `/api/v1`, so no session cookie or token is ever read here.
 */
export const apiPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await refuseWhileOverloaded(app);
  requireAdmission(app);
  await app.register(publicFormRoutes);
  await app.register(publicCalendarRoutes);
};
