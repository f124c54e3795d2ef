import { session } from './session.svelte';

/** A problem with one input, as the API names it (`email`, `org_name`, ...). */
export interface FieldProblem {
  field: string;
  message: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { fields?: FieldProblem[] } };
}

/** `org_name` -> `Org name` */
function labelOf(field: string): string {
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

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
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

/** The error as an ApiError; anything else (a network failure) gets a generic one. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network_error', 'Could not reach the server. Check your connection.');
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  const fallback =
    response.status === 429
      ? 'Too many attempts. Wait a moment and try again.'
      : response.status >= 500
        ? 'Something went wrong on our side. Try again in a moment.'
        : `Request failed (${response.status})`;
  return new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? fallback,
    error?.details?.fields ?? [],
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Send the access token and refresh it once on 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

const API_BASE = '/api/v1';

function urlOf(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return API_BASE + path + (search ? `?${search}` : '');
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = options.auth === false ? null : session.accessToken;
  if (token) headers['authorization'] = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(urlOf(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw asApiError(error);
  }
}

/**
 * Calls the API at `path` (under /api/v1) and returns the parsed JSON answer, or undefined
 * for 204. A 401 on a call that carried a token triggers one refresh through the cookie and
 * one retry; when the refresh fails too, the session ends. Failures throw an ApiError.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const sentToken = options.auth === false ? null : session.accessToken;
  let response = await send(path, options);
  if (response.status === 401 && sentToken !== null) {
    // Another call may have refreshed meanwhile: then the new token is enough.
    const renewed = session.accessToken !== sentToken && session.accessToken !== null;
    if (renewed || (await session.refresh())) response = await send(path, options);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
