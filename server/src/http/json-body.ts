import type { FastifyInstance } from 'fastify';
import { invalidField } from '../lib/errors.js';

/** Deeper than any body the API describes; what walks a body can then never run out of stack. */
export const MAX_JSON_DEPTH = 32;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, read as text in one pass:
 * brackets inside strings are text, and malformed JSON is left for the parser to refuse.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_ARRAY || char === OPEN_OBJECT) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === CLOSE_ARRAY || char === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}

const FORBIDDEN_KEYS = 'must not hold a key named __proto__, nor constructor.prototype';

/** Whether the text is JSON: asked only of a body the parser refused. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fastify's own JSON parser (which refuses `__proto__` and `constructor` keys), behind a depth
 * check on the raw text, so that a body nested ten thousand deep is a 400 before anything
 * recursive, NUL checks and validation included, sees it. A body the parser refuses for such a
 * key, though it is JSON, is said to be refused for that key. An empty body is no body, whatever
 * its label: many clients send `Content-Type: application/json` on every request, a `DELETE`
 * included, and a route that reads a body says that it is missing, naming it.
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') {
      done(null, undefined);
      return;
    }
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      done(invalidField('body', `must not nest deeper than ${MAX_JSON_DEPTH} levels`, 'malformed'));
      return;
    }
    parse(request, body as string, (error, parsed) => {
      if (error && isJson(body as string)) {
        // Fastify's parser says "not valid JSON" for a forbidden key too, which sends a client
        // looking for a syntax error it did not make.
        done(invalidField('body', FORBIDDEN_KEYS, 'malformed'));
        return;
      }
      done(error, parsed);
    });
  });
}
