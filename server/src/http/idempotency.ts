import { createHash, type Hash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { stringify } from 'safe-stable-stringify';
import { Type, type TObject } from 'typebox';
import {
  claimKey,
  IDEMPOTENCY_HEADER,
  IdempotencyKeyReusedError,
  KEEP_KEYS_HOURS,
  settleKey,
} from '../modules/idempotency/idempotency.service.js';
import { outsideRequestScope } from '../db/request-scope.js';
import { contextOf } from './context.js';
import { errors } from './schemas.js';
import { tagEntity } from './versions.js';

/**
 * `Idempotency-Key` on every create, bulk action and write over a record's version: a client
 * that repeats a request (after a timeout, a lost connection) with the same key gets the first
 * answer again instead of a second record, or a 412 over its own change. Keys are kept per
 * person and organization for a day.
 */
const KEY = Type.String({
  minLength: 1,
  maxLength: 255,
  pattern: '^[\\x21-\\x7e]+$',
  examples: ['8e03978e-40d5-43e8-bc93-6894a57f9324'],
  description: `Makes a retry safe: a request repeated with the same key within ${KEEP_KEYS_HOURS} hours gets the first answer again (status and body, with \`Idempotent-Replayed: true\`) and changes nothing. The same key with another body is 422 \`idempotency_key_reused\` (an uploaded file is compared by its bytes: a repeat sends the file again); while the first request runs, 409 \`idempotency_key_in_use\` with \`Retry-After\`. A request that failed does not keep its key. Keys belong to the person sending them in the organization (a colleague's same key is another key); use a new random one (a UUID) per request.`,
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route creates records though it answers 200 (a lead's conversion): it takes an
     * `Idempotency-Key` as a create does.
     */
    creates?: boolean;
  }
}

/**
 * A create (answers 201, or says it `creates`), a start of background work (202: an export, a
 * restore, an import's run, each a record of its own that a retry must not start twice), a
 * bulk action, or a write over a record's version (`If-Match`): repeated after its answer was
 * lost, that write would find the version it named gone, by its own doing, and answer 412.
 */
function takesKeys(route: RouteOptions): boolean {
  const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
  const headers = route.schema?.headers as TObject | undefined;
  return (
    (route.method === 'POST' &&
      ('201' in responses ||
        '202' in responses ||
        route.url.endsWith('/bulk') ||
        route.config?.creates === true)) ||
    headers?.properties['if-match'] !== undefined
  );
}

/**
 * What makes two requests the same: the route, its parameters and body, the version it is
 * based on, and who sends it. A body read as a stream (an uploaded file) is read after the key
 * is claimed: it stands in as `content`, its SHA-256, once it has been read.
 */
function fingerprintOf(request: FastifyRequest, userId: string, content?: Buffer): Buffer {
  const streamed = request.body instanceof Readable;
  const described = stringify({
    route: request.routeOptions.url,
    // PATCH and DELETE share a path. Absent for a POST (and for no If-Match), so that the keys
    // kept before writes took them still compare as they did.
    method: request.method === 'POST' ? undefined : request.method,
    ifMatch: request.headers['if-match'],
    params: request.params,
    query: request.query,
    body: streamed ? { sha256: content?.toString('hex') ?? null } : request.body,
    user: userId,
  });
  return createHash('sha256')
    .update(described ?? '')
    .digest();
}

/** A streamed body as the route reads it, hashed on its way. */
function hashedAsRead(body: Readable, hash: Hash): Readable {
  const passed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // A client that goes away mid-upload fails the route's read, as it did the bare body.
  pipeline(body, passed, () => undefined);
  return passed;
}

async function hashOf(body: Readable): Promise<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk as Buffer);
  return hash.digest();
}

/** The key a request claimed, and the hash of its streamed body while it is read. */
const claimed = new WeakMap<FastifyRequest, { key: string; content?: Hash }>();

async function claim(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string') return;
  const ctx = contextOf(request);
  const outcome = await claimKey(ctx, key, fingerprintOf(request, ctx.userId));
  const body = request.body;
  if (outcome.kind === 'claimed') {
    if (body instanceof Readable) {
      const content = createHash('sha256');
      request.body = hashedAsRead(body, content);
      claimed.set(request, { key, content });
    } else claimed.set(request, { key });
    return;
  }
  // A streamed body is the same file only if its bytes are: they are read to know.
  const content = body instanceof Readable ? await hashOf(body) : undefined;
  if (!fingerprintOf(request, ctx.userId, content).equals(outcome.fingerprint)) {
    throw new IdempotencyKeyReusedError();
  }
  reply.status(outcome.status);
  tagEntity(reply, JSON.parse(outcome.body));
  await reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('idempotent-replayed', 'true')
    .send(outcome.body);
}

async function settle(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const claim = claimed.get(request);
  if (claim === undefined) return payload;
  claimed.delete(request);
  const { key, content } = claim;
  const kept =
    reply.statusCode < 300 && typeof payload === 'string'
      ? {
          status: reply.statusCode,
          body: payload,
          ...(content
            ? { fingerprint: fingerprintOf(request, contextOf(request).userId, content.digest()) }
            : {}),
        }
      : null;
  // The answer goes out even if keeping it (or releasing the key) fails now: that is tried again
  // in the background, and meanwhile the key answers 409 rather than letting a retry make a
  // second record. Outside the request's scope: settled also when the client has gone away.
  const ctx = contextOf(request);
  await outsideRequestScope(() => settleKey(ctx, key, kept)).catch((error: unknown) => {
    request.log.warn({ err: error }, 'could not settle an idempotency key; trying again later');
    outsideRequestScope(() => settleLater(() => settleKey(ctx, key, kept), request.log));
  });
  return payload;
}

/**
 * Waits before each later try of settling a key (ms). A failure to settle comes with the
 * database out of reach, typically for seconds: a request that failed then said 503, repeat
 * it, and its key must not refuse that repeat with 409 for a day once the database is back.
 */
const SETTLE_RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000];

function settleLater(
  settleNow: () => Promise<void>,
  log: FastifyRequest['log'],
  attempt = 0,
): void {
  const delay = SETTLE_RETRY_MS[attempt];
  if (delay === undefined) {
    log.error('gave up settling an idempotency key: it answers 409 until it expires');
    return;
  }
  setTimeout(() => {
    settleNow().catch(() => settleLater(settleNow, log, attempt + 1));
  }, delay).unref();
}

const asArray = <T>(hooks: T | T[] | undefined): T[] =>
  hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];

/**
 * Takes `Idempotency-Key` on the creates, bulk actions and writes over a version registered in
 * `scope` from now on.
 */
export function acceptIdempotencyKeys(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    if (!takesKeys(route) || !route.schema) return;
    const headers = route.schema.headers as TObject | undefined;
    route.schema.headers = Type.Object({
      ...(headers?.properties ?? {}),
      [IDEMPOTENCY_HEADER]: Type.Optional(KEY),
    });
    // What the key itself can be answered with: malformed (400), still in use (409), used for
    // another request (422); so that clients generated from the API document know them.
    route.schema.response = { ...errors(400, 409, 422), ...(route.schema.response ?? {}) };
    route.preHandler = [...asArray(route.preHandler), claim];
    route.onSend = [...asArray(route.onSend), settle];
  });
}
