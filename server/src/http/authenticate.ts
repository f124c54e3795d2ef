import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyAccessToken } from '../modules/auth/access-tokens.js';
import { AppError, UnauthorizedError } from '../lib/errors.js';

/** Sent by the web app with the id of the organization the page shows. */
export const SHOWN_ORGANIZATION_HEADER = 'x-rampart-org';

/**
 * Guards every route registered in `scope`: the bearer token must verify. Membership is not
 * checked here but in the same round trip that opens the request's transaction (withTenant),
 * so a removed member is refused on their next request.
 */
export function requireSignedIn(scope: FastifyInstance): void {
  scope.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token)
      throw new UnauthorizedError('Sign in first: send Authorization: Bearer <access_token>');
    const caller = await verifyAccessToken(scope.deps.config.jwtSecret, token);
    if (!caller) throw new UnauthorizedError('The access token is invalid or has expired');
    // The web app names the organization a tab shows: a tab left on one organization must
    // never write into another that a second tab switched the shared sign-in to.
    const shown = request.headers[SHOWN_ORGANIZATION_HEADER];
    if (typeof shown === 'string' && shown !== caller.orgId) {
      throw new AppError(
        'conflict',
        'organization_changed',
        'This page shows another organization than the one this request is signed in to: reload it',
      );
    }
    request.caller = caller;
  });
}
