import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyAccessToken } from '../modules/auth/access-tokens.js';
import { UnauthorizedError } from '../lib/errors.js';

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
    request.caller = caller;
  });
}
