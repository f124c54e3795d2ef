import { invalidField } from './errors.js';

/** Cursors are opaque to clients: a list's position, as base64url-encoded JSON. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The position a cursor holds, when `read` accepts what it decodes to (undefined refuses it);
 * anything else is a 400 naming `cursor`, before the database sees it.
 */
export function decodeCursor<T>(raw: string, read: (decoded: unknown) => T | undefined): T {
  let position: T | undefined;
  try {
    position = read(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    position = undefined;
  }
  if (position === undefined)
    throw invalidField('cursor', 'is not a cursor this list returned', 'malformed');
  return position;
}
