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

/**
 * Whether the first `length` characters of an ISO string name an instant that exists (no
 * February 30), as its Date prints it, in a year PostgreSQL stores: JavaScript has a year 0,
 * PostgreSQL none.
 */
export function isExistingInstant(iso: string, length: number): boolean {
  const parsed = new Date(iso);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, length) === iso.slice(0, length) &&
    !iso.startsWith('0000')
  );
}

/** A moment to the microsecond, as a position in a log carries it: `2026-01-02T03:04:05.123456Z`. */
const MICRO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Whether a log cursor's moment is one PostgreSQL stores (see `isExistingInstant`). */
export function isCursorMoment(value: unknown): value is string {
  return typeof value === 'string' && MICRO_MOMENT.test(value) && isExistingInstant(value, 19);
}
