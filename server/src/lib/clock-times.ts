/**
 * The time of day of an ISO 8601 date-time, as PostgreSQL would store it. RFC 3339 (and so JSON
 * Schema's `date-time`) allows a leap second, JavaScript's Date reads `T24:00:00`, and both
 * allow any number of digits in a fraction of a second; each would be stored as some other
 * value than the one sent.
 */
const CLOCK = /T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?/i;

/**
 * Why the time of day of `text` cannot be stored as sent, or null when it can.
 *
 * - Hour 24: `24:00:00` is read as midnight of the next day, another date than the one sent.
 * - Second 60: PostgreSQL, like POSIX time, counts no leap seconds and stores `:60` as the next
 *   minute's first second. That is the same refusal for the real leap seconds at the end of June
 *   or December (`23:59:60Z`): whatever moment were stored, it would not be the one sent, and
 *   the API could never answer it.
 * - Past the millisecond: date-times are answered with milliseconds (what JavaScript's Date and
 *   so every browser holds), so finer digits would be kept by the database yet never given back,
 *   and a record read and saved again would move. No CRM date needs them; zeros are the same
 *   moment and taken.
 */
export function clockProblem(text: string): string | null {
  const match = CLOCK.exec(text);
  if (!match) return null;
  const [, hour, , second = '00', fraction = ''] = match;
  if (Number(hour) > 23) return 'must have an hour from 00 to 23 (24:00 is 00:00 of the next day)';
  if (Number(second) > 59) return 'must have seconds from 00 to 59 (leap seconds are not stored)';
  if (/[1-9]/.test(fraction.slice(3))) return 'must give seconds to the millisecond at most';
  return null;
}
