/**
 * Errors of the domain, thrown by services and repositories: they say what went wrong, not how a
 * protocol answers it. The HTTP error handler gives each problem its status.
 */
export type Problem =
  /** Input that cannot be read at all: a query parameter, a token, a cursor. */
  | 'malformed'
  /** Content that is readable but breaks a rule. */
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  /** Also what another organization's record looks like. */
  | 'not_found'
  | 'conflict'
  /** More than the instance takes at once: a file over the upload limit. */
  | 'too_large'
  | 'rate_limited'
  /** The record changed since the version the client names (`If-Match`). */
  | 'precondition_failed'
  /** Nothing the client did wrong: the database is unreachable or too busy; try again soon. */
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly problem: Problem,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    fields: FieldProblem[],
    problem: 'invalid' | 'malformed' = 'invalid',
  ) {
    super(problem, 'validation_failed', message, { fields });
  }
}

/** One field, one message: the common case. */
export function invalidField(
  field: string,
  message: string,
  problem: 'invalid' | 'malformed' = 'invalid',
): ValidationError {
  return new ValidationError(`${field}: ${message}`, [{ field, message }], problem);
}

/**
 * A reference to a record this organization does not have, in the words the error handler uses
 * for a foreign-key violation: another organization's record and no record look the same.
 */
export function referenceNotFound(field: string): AppError {
  return new AppError('invalid', 'invalid_reference', `${field}: no such record`, {
    fields: [{ field, message: 'does not refer to a record of this organization' }],
  });
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required') {
    super('unauthenticated', 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this', field?: string) {
    super('forbidden', 'forbidden', message, field ? { fields: [{ field, message }] } : undefined);
  }
}

/**
 * The operator has suspended the organization (`rampart org suspend`): its members are refused
 * on every call until it is unsuspended; its data is kept as it was.
 */
export class OrgSuspendedError extends AppError {
  constructor() {
    super(
      'forbidden',
      'org_suspended',
      'This organization is suspended; ask the operator of this instance to restore it',
    );
  }
}

/** Also what another organization's record looks like: indistinguishable from a missing one. */
export class NotFoundError extends AppError {
  /** `details`: where the record went, when it was merged into another (`merged_into`). */
  constructor(what = 'Record', details?: { merged_into: string }) {
    super('not_found', 'not_found', `${what} not found`, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('conflict', 'conflict', message, details);
  }
}

/** An error the client may simply repeat after `retryAfterSeconds` (the `Retry-After` header). */
export abstract class RetryLaterError extends AppError {
  constructor(
    problem: Problem,
    code: string,
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(problem, code, message, { retry_after_seconds: retryAfterSeconds });
  }
}

export class RateLimitedError extends RetryLaterError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts; try again later') {
    super('rate_limited', 'rate_limited', retryAfterSeconds, message);
  }
}

/**
 * The database could not do the work just now (a lost connection, a server shutting down or
 * full, a conflict with other requests that retrying did not resolve). Nothing was written.
 */
export class UnavailableError extends RetryLaterError {
  constructor(retryAfterSeconds: number, message = 'The service is busy; try again shortly') {
    super('unavailable', 'unavailable', retryAfterSeconds, message);
  }
}

/**
 * A write that names the version it was based on (`If-Match`) when the record has moved on:
 * nothing is written, and the record as it is now comes with the error.
 */
export class VersionMismatchError extends AppError {
  constructor(current: unknown) {
    super(
      'precondition_failed',
      'version_mismatch',
      'Someone else changed this record since you read it; nothing was saved',
      { current },
    );
  }
}

/** Throws a version mismatch, with the record as `present` shows it, unless a version matches. */
export async function requireVersion(
  expected: readonly string[] | undefined,
  current: { version: string },
  present: () => Promise<unknown>,
): Promise<void> {
  if (expected && !expected.includes(current.version))
    throw new VersionMismatchError(await present());
}

/**
 * Refuses a call over several records when one of them has changed since the version the caller
 * read of it (`versions`, by id), as `If-Match` does for one record, naming those records.
 */
export function requireVersions(
  records: readonly { id: string; version: string }[],
  versions: Readonly<Record<string, string>> | undefined,
  labelMany: string,
): void {
  if (!versions) return;
  const moved = records.filter(
    (record) => versions[record.id] !== undefined && versions[record.id] !== record.version,
  );
  if (moved.length === 0) return;
  throw new AppError(
    'precondition_failed',
    'version_mismatch',
    `${moved.length} of the ${labelMany} given changed since you read them; nothing was saved`,
    {
      ids: moved.map((record) => record.id),
      current: Object.fromEntries(moved.map((record) => [record.id, record.version])),
    },
  );
}
