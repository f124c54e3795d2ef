import { jwtVerify, SignJWT, errors } from 'jose';
import type { Caller } from '../../http/context.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'rampart';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signAccessToken(secret: string, caller: Caller): Promise<string> {
  return new SignJWT({ org: caller.orgId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(caller.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key(secret));
}

/** The caller an access token names, or null when it is invalid or expired. */
export async function verifyAccessToken(secret: string, token: string): Promise<Caller | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload['org'] !== 'string') return null;
    return { userId: payload.sub, orgId: payload['org'] };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
