import { invalidField, type ValidationError } from './errors.js';

/** The answer to a time zone no one has heard of, on the query parameter `tz`. */
export const unknownTimeZone = (): ValidationError =>
  invalidField('tz', 'is not an IANA time zone name, such as Europe/Paris', 'malformed');

/**
 * The canonical name of an IANA time zone, whatever its case or alias (`utc` gives `UTC`), or a
 * 400 naming `tz`: what every route that takes a time zone accepts.
 */
export function timeZoneNamed(tz: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    throw unknownTimeZone();
  }
}
