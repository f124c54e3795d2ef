import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, UnavailableError } from '../lib/errors.js';

/**
 * Database errors that say nothing about the request: the same work may succeed a moment later.
 * Conflicts with concurrent transactions are retried here; the rest are answered `503`.
 */

/** A deadlock, or a serializable transaction that lost a race: the work can simply run again. */
const CONFLICTS = new Set(['40P01', '40001']);

/**
 * The server is going away, starting up, out of connections, disk or memory, or the connection
 * broke or its session was ended by an idle timeout (SQLSTATE class 08, `admin_shutdown`,
 * `crash_shutdown`, `cannot_connect_now`, `idle_session_timeout`,
 * `idle_in_transaction_session_timeout`, class 53), and the network errors Node reports for a
 * connection that never opened (its host's name did not resolve, or no route led there) or was
 * cut. None of them says anything about the request, and its transaction did not commit.
 */
const UNAVAILABLE = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '25P03',
  '53000',
  '53100',
  '53200',
  '53300',
  '53400',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * pg reports a connection closed under it without a code, only with these words: cut while a
 * statement ran, or earlier, while the transaction waited between two statements.
 */
const CONNECTION_LOST = /^Connection terminated|^Client has encountered a connection error/;

/** The pool had no free connection within `DB_POOL_WAIT_MS`; also said without a code. */
const POOL_EXHAUSTED = /^timeout exceeded when trying to connect/;

/**
 * A statement cancelled by `statement_timeout` (`57014`) or that waited past `lock_timeout`
 * (`55P03`): the database was too busy for this request just now.
 */
const TOO_SLOW = new Set(['57014', '55P03']);

/**
 * A serialization failure the application detects itself: a row read without a lock changed
 * before the lock was taken. Retried like PostgreSQL's own.
 */
export class StaleReadError extends Error {
  readonly code = '40001';
}

/**
 * Transactions of this process run again after a conflict, and those that gave up after
 * `MAX_ATTEMPTS`, since it started: what `/metrics` reports.
 */
export const conflictRetries = { retried: 0, gaveUp: 0 };

/** How many times a transaction runs at most when it keeps meeting conflicts. */
export const MAX_ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 10;
/** What `Retry-After` asks of a client whose request gave up (seconds). */
const RETRY_AFTER_CONFLICT_SECONDS = 1;
const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && CONFLICTS.has(code);
}

/**
 * The `503` a transient database error stands for, or null when the error is something else.
 * A conflict that reaches this point was already retried `MAX_ATTEMPTS` times.
 */
export function unavailableError(error: unknown): UnavailableError | null {
  if (error instanceof AppError || !(error instanceof Error)) return null;
  if (isConflict(error)) {
    return new UnavailableError(
      RETRY_AFTER_CONFLICT_SECONDS,
      'Too many requests changed the same records at once; try again',
    );
  }
  const code = codeOf(error);
  if ((code && TOO_SLOW.has(code)) || (!code && POOL_EXHAUSTED.test(error.message))) {
    return new UnavailableError(
      RETRY_AFTER_CONFLICT_SECONDS,
      'The database was too busy to finish this request in time; try again shortly',
    );
  }
  if ((code && UNAVAILABLE.has(code)) || (!code && CONNECTION_LOST.test(error.message))) {
    return new UnavailableError(
      RETRY_AFTER_UNAVAILABLE_SECONDS,
      'The database is unavailable just now; try again shortly',
    );
  }
  return null;
}

/**
 * Runs a whole transaction again when it fails with a deadlock or a serialization failure, up
 * to `MAX_ATTEMPTS` times, waiting a random time that doubles with each attempt (full jitter),
 * so that the transactions that collided do not collide again. `transaction` must be a complete
 * unit of work: the failed attempt was rolled back, nothing of it remains in the database. What
 * it did outside the database (an email sent) is not undone, so such a step comes after the
 * unit's last statement, or outside the transaction.
 */
export async function retryingConflicts<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        conflictRetries.gaveUp += 1;
        throw error;
      }
      conflictRetries.retried += 1;
      await sleep(Math.random() * FIRST_BACKOFF_MS * 2 ** attempt);
    }
  }
}
