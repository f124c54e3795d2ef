import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SignedUp } from './test-app.js';

let counter = 0;

/**
 * Makes a new account a member of `admin`'s organization through the API: invite, then accept
 * with the link the invitation answered with.
 */
export async function joinByInvitation(
  app: FastifyInstance,
  admin: Pick<SignedUp, 'auth' | 'orgId'>,
  role: 'admin' | 'member',
  label: string = role,
): Promise<SignedUp> {
  counter += 1;
  const email = `${label}-joined-${counter}-${randomBytes(3).toString('hex')}@example.com`;
  const password = 'a long enough password';
  const invited = await app.inject({
    method: 'POST',
    url: '/api/v1/invitations',
    headers: admin.auth,
    payload: { email, role },
  });
  if (invited.statusCode !== 201)
    throw new Error(`invitation failed: ${invited.statusCode} ${invited.body}`);
  const token = new URL(invited.json<{ link: string }>().link).searchParams.get('token');
  const accepted = await app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, name: `${label} ${counter}`, password },
  });
  if (accepted.statusCode !== 200)
    throw new Error(`acceptance failed: ${accepted.statusCode} ${accepted.body}`);
  const body = accepted.json<{
    access_token: string;
    refresh_token: string;
    user: { id: string };
  }>();
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    userId: body.user.id,
    orgId: admin.orgId,
    email,
    password,
    auth: { authorization: `Bearer ${body.access_token}` },
  };
}
