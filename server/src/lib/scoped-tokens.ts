import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Opaque tokens shaped `<scope id>.<secret>`. The scope (a user or an organization id) tells
 * the API which tenant context to enter before looking the token up, so no lookup ever needs
 * to see across tenants. Only the SHA-256 of the secret is stored.
 */
export interface ScopedToken {
  token: string;
  hash: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function newScopedToken(scopeId: string): ScopedToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${scopeId}.${secret}`, hash: hashSecret(secret) };
}

/**
 * A token that the same key, purpose and id always make again, so a job retried after a crash
 * sends the link it may already have sent instead of one that replaces it. Without the key
 * (the server's signing secret) it cannot be guessed from the id.
 */
export function derivedScopedToken(
  scopeId: string,
  key: string,
  purpose: string,
  id: string,
): ScopedToken {
  const secret = createHmac('sha256', key).update(`${purpose}\0${id}`).digest('base64url');
  return { token: `${scopeId}.${secret}`, hash: hashSecret(secret) };
}

/** The scope and secret hash of a token, or null when it is not shaped like one. */
export function parseScopedToken(token: string): { scopeId: string; hash: Buffer } | null {
  const [scopeId, secret, extra] = token.split('.');
  if (!scopeId || !secret || extra !== undefined || !UUID.test(scopeId) || secret.length < 20) {
    return null;
  }
  return { scopeId: scopeId.toLowerCase(), hash: hashSecret(secret) };
}
