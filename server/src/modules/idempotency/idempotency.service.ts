import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, RetryLaterError } from '../../lib/errors.js';
import * as repo from './idempotency.repo.js';

/** How long a key answers with its first answer; after it, the key can be used again. */
export const KEEP_KEYS_HOURS = 24;

/** The header the key comes in, named in errors about it. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The same key came from the same person with another request (route or body) than its first. */
export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(
      'invalid',
      'idempotency_key_reused',
      `${IDEMPOTENCY_HEADER}: already used for a different request`,
      {
        fields: [
          {
            field: IDEMPOTENCY_HEADER,
            message: 'was already used for a different request; use a new key for a new request',
          },
        ],
      },
    );
  }
}

/** The first request with the key has not answered yet. */
export class IdempotencyKeyInUseError extends RetryLaterError {
  constructor() {
    super(
      'conflict',
      'idempotency_key_in_use',
      1,
      'A request with this Idempotency-Key is still running; repeat it in a moment to get its answer',
    );
  }
}

/**
 * A key claimed for this request, or the first request's answer and what made that request
 * (its fingerprint), for the caller to compare with this one's.
 */
export type Claim =
  { kind: 'claimed' } | { kind: 'answered'; status: number; body: string; fingerprint: Buffer };

/**
 * Claims the key for this request, or gives the answer its first request got. A key is its
 * sender's: the same key from a colleague is another key. Expired keys of the organization are
 * removed first, in the same transaction.
 */
export function claimKey(ctx: RequestContext, key: string, fingerprint: Buffer): Promise<Claim> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    await repo.deleteExpiredKeys(tx, KEEP_KEYS_HOURS);
    if (await repo.insertKey(tx, ctx.orgId, { key, fingerprint, userId: ctx.userId }))
      return { kind: 'claimed' };
    const stored = await repo.findKey(tx, { userId: ctx.userId, key });
    if (!stored || stored.response_status === null || stored.response_body === null)
      throw new IdempotencyKeyInUseError();
    return {
      kind: 'answered',
      status: stored.response_status,
      body: stored.response_body,
      fingerprint: stored.fingerprint,
    };
  });
}

/**
 * Keeps the answer of the request that claimed the key, and what made the request when it is
 * known only now (an uploaded file's content, read as it arrived). A request that failed
 * changed nothing (its transaction rolled back), so its key is freed for the client to try
 * again.
 */
export function settleKey(
  ctx: RequestContext,
  key: string,
  response: { status: number; body: string; fingerprint?: Buffer } | null,
): Promise<void> {
  return withTenant(ctx.deps.db, ctx, (tx) =>
    response
      ? repo.storeResponse(tx, { userId: ctx.userId, key }, response)
      : repo.deleteKey(tx, { userId: ctx.userId, key }),
  );
}
