import { jwtVerify, SignJWT, errors } from 'jose';
import type { SignedInCaller } from '../../http/context.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'rampart';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * An access token names its session (`sid`, the refresh-token family): the statement that
 * opens each request checks that the session is still alive, so signing out, changing the
 * password or a replayed refresh token ends the access token at once, not 15 minutes later.
 */
export async function signAccessToken(secret: string, caller: SignedInCaller): Promise<string> {
  return new SignJWT({ org: caller.orgId, sid: caller.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(caller.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key(secret));
}

/**
 * The caller an access token names, or null when it is invalid, expired, never expires, or
 * names anything but UUIDs (a 401, never a database error).
 */
export async function verifyAccessToken(
  secret: string,
  token: string,
): Promise<SignedInCaller | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub', 'org', 'sid'],
    });
    const { sub, org, sid } = payload as { sub?: unknown; org?: unknown; sid?: unknown };
    const ids = [sub, org, sid];
    if (!ids.every((id): id is string => typeof id === 'string' && UUID.test(id))) return null;
    return { userId: ids[0]!, orgId: ids[1]!, sessionId: ids[2]! };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
