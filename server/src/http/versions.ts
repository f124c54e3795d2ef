import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

/**
 * Optimistic concurrency for records: every record answer carries its `version` and the same
 * value as a strong `ETag`; a write with `If-Match` applies only to a record still at one of
 * the versions it names (`412 version_mismatch` otherwise). Without `If-Match` a write applies
 * to whatever is there, as before, so existing scripts keep working.
 */

const TAG = '(W/)?"[0-9]+"';

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      pattern: `^(\\*|${TAG}( *, *${TAG})*)$`,
      maxLength: 200,
      examples: ['"812"'],
      description:
        "The record's `version` (its `ETag`) the change was based on. When the record has changed since, nothing is written and the answer is 412 `version_mismatch` with the record as it is now in `error.details.current`. Without it (or with `*`) the change applies to whatever the record holds.",
    }),
  ),
});

/**
 * The versions `If-Match` names, or undefined when any version will do. `If-Match` compares
 * strongly (RFC 9110, 13.1.1): a weak tag (`W/"5"`) never matches, so a header of weak tags
 * alone names no version and the write is refused.
 */
export function ifMatchOf(request: FastifyRequest): string[] | undefined {
  const header = request.headers['if-match'];
  if (typeof header !== 'string' || header.trim() === '*') return undefined;
  return [...header.matchAll(/(W\/)?"([0-9]+)"/g)]
    .filter((match) => match[1] === undefined)
    .map((match) => match[2]!);
}

/** The response header, as the API document shows it on every answer that is one record. */
const ETAG_HEADER = {
  etag: {
    type: 'string',
    description:
      "The record's `version`, quoted: send it back as `If-Match` to write over this version only",
  },
};

/** Gives every answer that is one record with a version its `ETag`, and documents it. */
export function registerEntityTags(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const responses = route.schema?.response as Record<string, object> | undefined;
    for (const status of ['200', '201']) {
      const schema = responses?.[status] as { properties?: object } | undefined;
      if (responses && schema?.properties && 'version' in schema.properties)
        responses[status] = { ...schema, headers: ETAG_HEADER };
    }
  });
  app.addHook('preSerialization', async (_request, reply, payload: unknown) => {
    tagEntity(reply, payload);
    return payload;
  });
}

/**
 * Sets the `ETag` of a successful answer that is one record with a version. Also called with
 * the first answer replayed for an `Idempotency-Key`, which is sent as stored text.
 */
export function tagEntity(reply: FastifyReply, payload: unknown): void {
  const version = (payload as { version?: unknown } | null)?.version;
  if (typeof version === 'string' && reply.statusCode < 300)
    void reply.header('etag', `"${version}"`);
}
