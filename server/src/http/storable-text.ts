import type { FastifyRequest } from 'fastify';
import { invalidField } from '../lib/errors.js';

/**
 * Parsed JSON is made of plain objects and arrays; anything else is a body a route reads
 * itself (a CSV upload is a stream, with its socket behind it) and checks itself.
 */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The path of the first string (a value, or an object's key) that `bad` finds wrong.
 * Recursive: bodies reach it no deeper than the JSON parser allows (json-body.ts).
 */
function findText(value: unknown, path: string, bad: (text: string) => boolean): string | null {
  if (typeof value === 'string') return bad(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findText(item, `${path}.${index}`, bad);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      const found = bad(key) ? itemPath : findText(item, itemPath, bad);
      if (found) return found;
    }
  }
  return null;
}

/** A NUL character, which PostgreSQL text cannot store. */
const hasNul = (text: string) => text.includes('\u0000');

/**
 * Half of a UTF-16 surrogate pair without the other half: JSON's `\ud800` escape makes one, yet
 * it is no character at all. UTF-8 cannot encode it, so the driver would store U+FFFD in its
 * place (text) or PostgreSQL would refuse the whole document (jsonb). With the `u` flag a
 * pair is one code point, and only a lone half matches.
 */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const hasLoneSurrogate = (text: string) => LONE_SURROGATE.test(text);

/**
 * Refuses text that cannot be stored as it was sent, in any body or query field, up front and
 * naming the field, whichever route it was sent to. A lone surrogate is text that is not
 * Unicode at all, so a malformed request (400), like a body that is not JSON. A NUL character
 * is a character PostgreSQL cannot keep: a query parameter holding one is malformed (400), a
 * body field invalid (422), like every other problem of either, which is what each operation
 * documents.
 */
export async function rejectUnstorableText(request: FastifyRequest): Promise<void> {
  // The query parser's objects inherit from a prototype of their own: copied, they are plain.
  const query = { ...(request.query as object) };
  const notUnicode =
    findText(query, '', hasLoneSurrogate) ?? findText(request.body, '', hasLoneSurrogate);
  if (notUnicode) throw invalidField(notUnicode, NOT_UNICODE_MESSAGE, 'malformed');
  const inQuery = findText(query, '', hasNul);
  if (inQuery) throw invalidField(inQuery, NUL_MESSAGE, 'malformed');
  const inBody = findText(request.body, '', hasNul);
  if (inBody) throw invalidField(inBody, NUL_MESSAGE, 'invalid');
}

const NUL_MESSAGE = 'must not contain NUL characters';
const NOT_UNICODE_MESSAGE =
  'must be Unicode text: it holds half of a UTF-16 surrogate pair (such as \\ud800) without the other half';
