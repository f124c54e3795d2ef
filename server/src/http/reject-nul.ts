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
 * The path of the first string holding a NUL character, which PostgreSQL text cannot store.
 * Recursive: bodies reach it no deeper than the JSON parser allows (json-body.ts).
 */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses NUL characters in any body or query field up front, naming the field: a query
 * parameter is malformed (400), a body field is invalid (422), like every other problem of
 * either, which is what each operation documents.
 */
export async function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  // The query parser's objects inherit from a prototype of their own: copied, they are plain.
  const inQuery = findNul({ ...(request.query as object) }, '');
  if (inQuery) throw invalidField(inQuery, NUL_MESSAGE, 'malformed');
  const inBody = findNul(request.body, '');
  if (inBody) throw invalidField(inBody, NUL_MESSAGE, 'invalid');
}

const NUL_MESSAGE = 'must not contain NUL characters';
