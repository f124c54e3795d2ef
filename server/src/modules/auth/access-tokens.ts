import { jwtVerify, SignJWT, errors } from 'jose';
import { LRUCache } from 'lru-cache';
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

/** A verified token's caller, with the second its token expires. */
interface VerifiedToken {
  caller: SignedInCaller;
  expiresAt: number;
}

/**
 * Verified tokens by secret, then by token. A token is immutable and whether its session still
 * lives is checked by the statement that opens each request, so its signature needs checking
 * only once in its lifetime: the HMAC was the largest cost of a list request after the socket.
 * Only tokens that verified are kept, so forged ones cannot fill the cache.
 */
const verified = new Map<string, LRUCache<string, VerifiedToken>>();
const VERIFIED_TOKENS_KEPT = 10_000;

function verifiedTokensFor(secret: string): LRUCache<string, VerifiedToken> {
  let cache = verified.get(secret);
  if (!cache) {
    cache = new LRUCache({ max: VERIFIED_TOKENS_KEPT });
    verified.set(secret, cache);
  }
  return cache;
}

/**
 * The caller an access token names, or null when it is invalid, expired, never expires, or
 * names anything but UUIDs (a 401, never a database error).
 */
export async function verifyAccessToken(
  secret: string,
  token: string,
): Promise<SignedInCaller | null> {
  const cache = verifiedTokensFor(secret);
  const known = cache.get(token);
  if (known) {
    if (known.expiresAt * 1000 > Date.now()) return known.caller;
    cache.delete(token);
  }
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub', 'org', 'sid'],
    });
    const { sub, org, sid } = payload as { sub?: unknown; org?: unknown; sid?: unknown };
    const ids = [sub, org, sid];
    if (!ids.every((id): id is string => typeof id === 'string' && UUID.test(id))) return null;
    const caller = { userId: ids[0]!, orgId: ids[1]!, sessionId: ids[2]! };
    cache.set(token, { caller, expiresAt: payload.exp! });
    return caller;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
