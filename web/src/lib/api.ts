import createClient from 'openapi-fetch';
import type { paths } from './api/schema';
import { session } from './session.svelte';

/** A problem with one input, as the API names it (`email`, `org_name`, ...). */
export interface FieldProblem {
  field: string;
  message: string;
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    details?: { fields?: FieldProblem[]; existing?: Record<string, string> } & Record<
      string,
      unknown
    >;
  };
}

/** `org_name` -> `Org name` */
export function labelOf(field: string): string {
  const words = field.split('.').at(-1)?.replaceAll('_', ' ') ?? field;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Schema checks answer in validator words; say the common ones the way a person would. */
function friendly(field: string, message: string): string {
  const format = /^must match format "(\w+)"$/.exec(message);
  if (format?.[1] === 'email') return 'Enter a valid email address';
  if (format?.[1] === 'uuid') return 'Not a valid identifier';
  const fewer = /^must NOT have fewer than (\d+) characters$/.exec(message);
  if (fewer) return fewer[1] === '1' ? 'Required' : `Use at least ${fewer[1]} characters`;
  const more = /^must NOT have more than (\d+) characters$/.exec(message);
  if (more) return `Use at most ${more[1]} characters`;
  if (message.startsWith('must have required property')) return 'Required';
  // The API's own field messages read after the field's name: "is already registered".
  if (message.startsWith('is ')) return `${labelOf(field)} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** An answer from the API that is not a success, or no answer at all (`status` 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Messages by field name, for showing next to the matching input. */
  readonly fields: Record<string, string>;
  /** The record that already holds a unique value, by id field (`account_id`), on a conflict. */
  readonly existing: Record<string, string>;
  /** The error's `details` as the API sent them (e.g. `edited_since` of a refused undo). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldProblem[] = [],
    existing: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.existing = existing;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = {};
    for (const problem of fields)
      this.fields[problem.field] ??= friendly(problem.field, problem.message);
  }

  /**
   * The message to show above a form whose inputs show the `shown` fields: none when every
   * problem already sits next to its input, else the problems no input shows.
   */
  formMessage(shown: readonly string[]): string | undefined {
    const named = Object.keys(this.fields);
    if (named.length === 0) return this.message;
    const elsewhere = named.filter((field) => !shown.includes(field));
    if (elsewhere.length === 0) return undefined;
    return elsewhere.map((field) => this.fields[field]).join('. ');
  }
}

/**
 * The record as it is now, when a change made with `If-Match` was refused because someone else
 * changed the record first (412 `version_mismatch`); otherwise null.
 */
export function currentAfterConflict<T extends object>(error: ApiError): T | null {
  const current = error.code === 'version_mismatch' ? error.details['current'] : undefined;
  return current && typeof current === 'object' ? (current as T) : null;
}

/** The error as an ApiError; anything else (a network failure) gets a generic one. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network_error', 'Could not reach the server. Check your connection.');
}

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const fallback =
    status === 429
      ? 'Too many attempts. Wait a moment and try again.'
      : status >= 500
        ? 'Something went wrong on our side. Try again in a moment.'
        : `Request failed (${status})`;
  return new ApiError(
    status,
    error?.code ?? 'http_error',
    error?.message ?? fallback,
    error?.details?.fields ?? [],
    error?.details?.existing ?? {},
    error?.details ?? {},
  );
}

async function sendWithToken(request: Request, token: string | null): Promise<Response> {
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  // The API refuses a token for another organization than the one this tab shows.
  if (session.orgId) request.headers.set('x-rampart-org', session.orgId);
  return fetch(request);
}

/**
 * Sends with the access token. A 401 on a call that carried a token triggers one refresh
 * through the cookie and one retry; when the refresh fails too, the session ends.
 */
async function fetchSignedIn(request: Request): Promise<Response> {
  const sentToken = session.accessToken;
  const retry = request.clone();
  const response = await sendWithToken(request, sentToken);
  if (response.status !== 401 || sentToken === null) return response;
  // Another call may have refreshed meanwhile: then the new token is enough.
  const renewed = session.accessToken !== sentToken && session.accessToken !== null;
  if (renewed || (await session.refresh())) return sendWithToken(retry, session.accessToken);
  return response;
}

const options = { credentials: 'same-origin', headers: { accept: 'application/json' } } as const;

/** The typed client for signed-in calls: paths, parameters and bodies are checked. */
export const client = createClient<paths>({ ...options, fetch: fetchSignedIn });

/** The typed client for calls made without a session (sign-in, sign-up, invitations). */
export const publicClient = createClient<paths>({ ...options, fetch: (request) => fetch(request) });

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a client call, or an ApiError: the API's own error (with its field messages)
 * or a network failure (`status` 0). Aborting still throws the AbortError.
 */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw asApiError(error);
  }
  if (!answer.response.ok) throw errorFrom(answer.response.status, answer.error);
  return answer.data as T;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON answer of a successful `method` on `path`, as the OpenAPI document describes it. */
export type ApiResult<
  P extends keyof paths,
  M extends Method & keyof paths[P],
> = paths[P][M] extends {
  responses: infer R;
}
  ? JsonOf<R[200 & keyof R]> | JsonOf<R[201 & keyof R]>
  : never;

/** The JSON body `method` on `path` takes. */
export type ApiBody<
  P extends keyof paths,
  M extends Method & keyof paths[P],
> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters `method` on `path` takes. */
export type ApiQuery<
  P extends keyof paths,
  M extends Method & keyof paths[P],
> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
