import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { trackAllowedMethods } from './allowed-methods.js';
import { AppError, RetryLaterError, referenceNotFound, type Problem } from '../lib/errors.js';
import { unavailableError } from '../db/transient.js';
import { VISIBLE_CHARACTER } from './schemas.js';

/** The HTTP status of each problem the domain reports. */
const STATUS_OF: Record<Problem, number> = {
  malformed: 400,
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  precondition_failed: 412,
  unavailable: 503,
};

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * What Fastify's router refuses before any route runs: a path parameter longer than the router
 * keeps (no id is that long), a URL that cannot be decoded. Answered in the API's one error
 * shape, as the 400 every operation with parameters documents.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? PARAMETER_TOO_LONG : 'The URL cannot be read';
  void reply.status(400).send(body('bad_request', message));
}

const PARAMETER_TOO_LONG = 'A path parameter is longer than any value the API takes';

/** A schema validation problem, named by field: `/email` and `email` both become `email`. */
function fieldOf(instancePath: string, params: Record<string, unknown> | undefined): string {
  const missing = params?.['missingProperty'] ?? params?.['requiredProperties'];
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (typeof missing === 'string') return base ? `${base}.${missing}` : missing;
  if (Array.isArray(missing) && typeof missing[0] === 'string') {
    return base ? `${base}.${missing[0]}` : missing[0];
  }
  const extra = params?.['additionalProperty'];
  if (typeof extra === 'string') return base ? `${base}.${extra}` : extra;
  return base || 'body';
}

/** PostgreSQL errors a client's content can cause, and what they mean to the client. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'conflict', message: 'A record with these values already exists' },
  '23503': {
    status: 422,
    code: 'invalid_reference',
    message: 'A referenced record does not exist',
  },
  '23514': { status: 422, code: 'validation_failed', message: 'A value is not allowed' },
  '22P02': { status: 400, code: 'invalid_input', message: 'A value has the wrong format' },
  '22001': { status: 422, code: 'validation_failed', message: 'A value is too long' },
  '22007': { status: 400, code: 'invalid_input', message: 'A date or time has the wrong format' },
  '22008': { status: 400, code: 'invalid_input', message: 'A date or time is out of range' },
  '22009': { status: 400, code: 'invalid_input', message: 'A UTC offset is out of range' },
  '22003': { status: 422, code: 'validation_failed', message: 'A number is out of range' },
  '22021': {
    status: 400,
    code: 'invalid_input',
    message: 'Text contains a character that cannot be stored',
  },
  '22P05': {
    status: 400,
    code: 'invalid_input',
    message: 'Text contains a character that cannot be stored',
  },
};

interface ConstraintError {
  code: string;
  table?: string;
  constraint?: string;
  message: string;
}

/**
 * Names the field behind a foreign-key or unique violation from the constraint's name
 * (PostgreSQL's defaults: `<table>_org_id_<column>_fkey`, `<table>_<column>_key`). A reference
 * to another organization's record fails exactly like one to a record that does not exist,
 * because every foreign key carries org_id.
 */
function constraintProblem(
  error: ConstraintError,
): { status: number; code: string; message: string; details: unknown } | null {
  const { table, constraint } = error;
  if (!table || !constraint) return null;
  if (error.code === '23503' && error.message.startsWith('update or delete')) {
    return {
      status: 409,
      code: 'in_use',
      message: 'Other records still refer to this one',
      details: undefined,
    };
  }
  const foreign = new RegExp(`^${table}_org_id_(.+)_fkey$`).exec(constraint);
  if (error.code === '23503' && foreign?.[1]) {
    const problem = referenceNotFound(foreign[1].replace(/^pipeline_id_/, ''));
    return {
      status: STATUS_OF[problem.problem],
      code: problem.code,
      message: problem.message,
      details: problem.details,
    };
  }
  const unique = new RegExp(`^${table}_(.+)_key$`).exec(constraint);
  if (error.code === '23505' && unique?.[1]) {
    const field = unique[1];
    return {
      status: 409,
      code: 'conflict',
      message: `${field}: already used by another record`,
      details: { fields: [{ field, message: 'is already used by another record' }] },
    };
  }
  return null;
}

/**
 * Problems Node meets before there is a request to route (a request that took too long to
 * arrive, headers too large, bytes that are not HTTP): answered in the API's error shape, then
 * the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request took too long to arrive']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large']
        : [400, 'bad_request', 'The request is not valid HTTP'];
  if (socket.writable) {
    const payload = JSON.stringify(body(code, message));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError & { code?: string }, request, reply) => {
    const unavailable = unavailableError(raw);
    if (unavailable) request.log.warn({ err: raw }, 'database unavailable');
    const error = (unavailable ?? raw) as FastifyError & { code?: string };
    if (error instanceof RetryLaterError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (error instanceof AppError) {
      return reply
        .status(STATUS_OF[error.problem])
        .send(body(error.code, error.message, error.details));
    }
    if (error.validation) {
      const fields = error.validation.map((v) => ({
        field: fieldOf(v.instancePath, v.params as Record<string, unknown>),
        message:
          v.keyword === 'pattern' && v.params['pattern'] === VISIBLE_CHARACTER
            ? 'must contain a visible character'
            : (v.message ?? 'is invalid'),
      }));
      const where = error.validationContext ?? 'body';
      const status = where === 'body' ? 422 : 400;
      const first = fields[0];
      const message = first ? `${first.field}: ${first.message}` : 'Invalid request';
      return reply.status(status).send(body('validation_failed', message, { in: where, fields }));
    }
    const pgCode = typeof error.code === 'string' ? error.code : undefined;
    const pgError = pgCode ? PG_CLIENT_ERRORS[pgCode] : undefined;
    if (pgError) {
      const constraint = constraintProblem(error as ConstraintError);
      if (constraint)
        return reply
          .status(constraint.status)
          .send(body(constraint.code, constraint.message, constraint.details));
      return reply.status(pgError.status).send(body(pgError.code, pgError.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send(body('internal_error', 'Something went wrong on our side'));
    }
    if (status === 413) {
      return reply.status(413).send(body('payload_too_large', 'The request body is too large'));
    }
    if (status === 429) {
      // The rate limiter said when in its Retry-After: the body says it too, as for the API's
      // own throttles.
      const retryAfter = Number(reply.getHeader('retry-after'));
      return reply
        .status(429)
        .send(
          body(
            'rate_limited',
            'Too many requests; try again later',
            retryAfter > 0 ? { retry_after_seconds: retryAfter } : undefined,
          ),
        );
    }
    return reply.status(status).send(body('bad_request', error.message));
  });

  const allowedMethods = trackAllowedMethods(app, '/api/');
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = path.startsWith('/api/') ? allowedMethods(path) : [];
    // A route takes this method at this path, yet the router matched none: beside static
    // siblings (`/leads/export`), it gives up on a parameter past its length limit that way.
    if (allowed.includes(request.method)) {
      return reply.status(400).send(body('bad_request', PARAMETER_TOO_LONG));
    }
    if (allowed.length > 0) {
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .send(
          body(
            'method_not_allowed',
            `${request.method} is not allowed on ${path}; it takes ${allowed.join(', ')}`,
          ),
        );
    }
    return reply.status(404).send(body('not_found', `No route for ${request.method} ${path}`));
  });
}
