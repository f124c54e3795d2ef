/**
 * Typed errors thrown by services. The error handler maps them, and PostgreSQL error codes, to
 * HTTP answers shaped `{ error: { code, message, details } }`.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
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
  constructor(message: string, fields: FieldProblem[], statusCode = 422) {
    super(statusCode, 'validation_failed', message, { fields });
  }
}

/** One field, one message: the common case. */
export function invalidField(field: string, message: string, statusCode = 422): ValidationError {
  return new ValidationError(`${field}: ${message}`, [{ field, message }], statusCode);
}

/**
 * A reference to a record this organization does not have, in the words the error handler uses
 * for a foreign-key violation: another organization's record and no record look the same.
 */
export function referenceNotFound(field: string): AppError {
  return new AppError(422, 'invalid_reference', `${field}: no such record`, {
    fields: [{ field, message: 'does not refer to a record of this organization' }],
  });
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super(403, 'forbidden', message);
  }
}

/** Also what another organization's record looks like: indistinguishable from a missing one. */
export class NotFoundError extends AppError {
  constructor(what = 'Record') {
    super(404, 'not_found', `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts; try again later',
  ) {
    super(429, 'rate_limited', message, { retry_after_seconds: retryAfterSeconds });
  }
}
