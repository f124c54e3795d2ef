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

/** A moment to the microsecond, as a position in a log carries it: `2026-01-02T03:04:05.123456Z`. */
const MICRO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Whether a cursor's moment is one PostgreSQL stores: a day that exists (no February 30), in a
 * year other than 0, which JavaScript reads as a date and PostgreSQL refuses.
 */
export function isCursorMoment(value: unknown): value is string {
  if (typeof value !== 'string' || !MICRO_MOMENT.test(value) || value.startsWith('0000'))
    return false;
  const parsed = new Date(value);
  return (
    !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19)
  );
}
