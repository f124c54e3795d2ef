import { VISIBLE_CHARACTER } from '../../http/schemas.js';
import { CURRENCIES } from '../orgs/orgs.service.js';

/**
 * Values read the way people type them into a spreadsheet. Each parser returns the value to
 * store, or a reason it cannot, so that nothing is stored differently from what was typed
 * without the row being reported. A value stored in other words than the cell's (a two-digit
 * year given its century) comes with a notice saying how it was read.
 */
export type Parsed<T> = { ok: true; value: T; notice?: string } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const MULTIPLIERS: Record<string, bigint> = { k: 1_000n, m: 1_000_000n, b: 1_000_000_000n };

/**
 * `$22,000`, `22 000,50`, `€1.234,56`, `22k`, `1.5M`. A lone separator followed by exactly
 * three digits is a thousands separator (`22,000`); otherwise it is the decimal mark
 * (`22,5`). Anything else, or a value with more than two decimals, is refused rather than
 * rounded.
 */
export function parseMoney(input: string): Parsed<string> {
  // Accounting's negative, `(1,200)`: refused as any negative amount is, saying why.
  if (/^\(.*\)$/.test(input.trim())) return fail('must not be negative');
  let text = input
    .trim()
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '')
    .replace(/[$€£¥\u00a0\u202f\s']/g, '');
  let multiplier = 1n;
  const suffix = /[kmb]$/i.exec(text);
  if (suffix) {
    multiplier = MULTIPLIERS[suffix[0].toLowerCase()]!;
    text = text.slice(0, -1);
  }
  if (text.startsWith('-')) return fail('must not be negative');
  const notAmount = fail(`"${input}" is not an amount`);
  if (!/^\d[\d.,]*$/.test(text)) return notAmount;
  const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  let whole = text;
  let fraction = '';
  if (last !== -1) {
    const mark = text[last]!;
    const before = text.slice(0, last);
    const after = text.slice(last + 1);
    const other = mark === '.' ? ',' : '.';
    // `1,500k` is 1,500 thousand to some and 1.5 thousand to others: refused, not guessed.
    if (multiplier !== 1n && after.length === 3 && !before.includes(other)) {
      return fail(`"${input}" could be read two ways: write it without ${suffix![0]}`);
    }
    const thousands = after.length === 3 && /^[1-9]/.test(before) && !before.includes(other);
    whole = thousands ? text : before;
    fraction = thousands ? '' : after;
  }
  if (!/^\d+$/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return notAmount;
  if (!/^\d*$/.test(fraction)) return notAmount;
  const scaled = BigInt(whole.replace(/[.,]/g, '') + fraction) * multiplier * 100n;
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) return fail(`"${input}" has more than two decimals`);
  const cents = scaled / divisor;
  if (cents >= 10n ** 16n) return fail(`"${input}" is too large`);
  const digits = cents.toString().padStart(3, '0');
  return ok(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

export function parseInteger(input: string): Parsed<number> {
  // Separators group thousands (`1,200`, `1.200`, `1 200`); `12,50` is not a whole number.
  const text = input.trim().replace(/[\s'\u00a0\u202f]/g, '');
  if (
    !/^\d+$/.test(text) &&
    !/^\d{1,3}(,\d{3})+$/.test(text) &&
    !/^\d{1,3}(\.\d{3})+$/.test(text)
  ) {
    return fail(`"${input}" is not a whole number`);
  }
  const value = Number(text.replace(/[.,]/g, ''));
  if (value > 2_147_483_647) return fail(`"${input}" is too large`);
  return ok(value);
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'on']);
const FALSE = new Set(['no', 'n', 'false', '0', 'off']);

export function parseBoolean(input: string): Parsed<boolean> {
  const text = input.trim().toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail(`"${input}" is not yes or no`);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (year < 1900 || year > 2200) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar date as `YYYY-MM-DD`, from a cell that may also give a time of day: the date as
 * written (a time, which a date field does not keep, must still be one).
 */
export function parseDate(input: string, format: DateFormat | undefined): Parsed<string> {
  const moment = parseDateTime(input, format);
  return moment.ok ? { ...moment, value: moment.value.slice(0, 10) } : moment;
}

/**
 * The year of a two-digit one, as Excel, LibreOffice and Google Sheets read it when they open a
 * file: 00-29 is 2000-2029, 30-99 is 1930-1999.
 */
function fullYear(twoDigits: string): number {
  const year = Number(twoDigits);
  return year < 30 ? 2000 + year : 1900 + year;
}

/** A date read from a two-digit year, with the notice that says which century it was given. */
function withCentury(input: string, date: string): Parsed<string> {
  const notice = `"${input.trim()}" has a two-digit year, read as ${date.slice(0, 4)} (00-29 as 2000-2029, 30-99 as 1930-1999)`;
  return { ok: true, value: date, notice };
}

/**
 * `3/4/25`, `31.12.99`, `25-03-04`: the year is where the chosen format puts it (first for
 * YYYY-MM-DD, last for the others). Without a format, every place it could be is tried, and a
 * cell that makes more than one date is refused rather than guessed.
 */
function twoDigitYearDate(
  input: string,
  [a, b, c]: [string, string, string],
  format: DateFormat | undefined,
): Parsed<string> {
  const yearFirst = a.length === 2 ? isoDate(fullYear(a), Number(b), Number(c)) : undefined;
  const yearLast = c.length === 2;
  const dayFirst = yearLast ? isoDate(fullYear(c), Number(b), Number(a)) : undefined;
  const monthFirst = yearLast ? isoDate(fullYear(c), Number(a), Number(b)) : undefined;
  const readings: Record<DateFormat, [string | undefined, string]> = {
    'YYYY-MM-DD': [yearFirst, 'year/month/day'],
    'DD/MM/YYYY': [dayFirst, 'day/month/year'],
    'DD.MM.YYYY': [dayFirst, 'day/month/year'],
    'MM/DD/YYYY': [monthFirst, 'month/day/year'],
  };
  if (format) {
    const [date, order] = readings[format];
    return date ? withCentury(input, date) : fail(`"${input}" is not a date (${order})`);
  }
  const dates = [...new Set([yearFirst, dayFirst, monthFirst].filter((d) => d !== undefined))];
  if (dates.length > 1) {
    return fail(`"${input}" could be ${dates.join(' or ')}: choose the file's date format`);
  }
  return dates[0] ? withCentury(input, dates[0]) : fail(`"${input}" is not a date`);
}

/**
 * A calendar date alone as `YYYY-MM-DD`. ISO dates are read whatever the format;
 * `03/04/2026` is read with the chosen format, and refused when none was chosen and both
 * readings are valid dates.
 */
function calendarDate(input: string, format: DateFormat | undefined): Parsed<string> {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? ok(date) : fail(`"${input}" is not a date`);
  }
  // The year first is never swapped: `2026/3/4`, `2026.03.04`, and `2026-3-4` as `yyyy-m-d` writes it.
  const yearFirst = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (yearFirst) {
    const date = isoDate(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
    return date ? ok(date) : fail(`"${input}" is not a date`);
  }
  const named = namedMonthDate(text);
  if (named) return named.date ? named.date : fail(`"${input}" is not a date`);
  const short = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (short) return twoDigitYearDate(text, [short[1]!, short[2]!, short[3]!], format);
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!parts) return fail(`"${input}" is not a date in a format Rampart reads`);
  const a = Number(parts[1]);
  const b = Number(parts[2]);
  const year = Number(parts[3]);
  const dayFirst = isoDate(year, b, a);
  const monthFirst = isoDate(year, a, b);
  if (format === 'DD/MM/YYYY' || format === 'DD.MM.YYYY') {
    return dayFirst ? ok(dayFirst) : fail(`"${input}" is not a date (day/month/year)`);
  }
  if (format === 'MM/DD/YYYY') {
    return monthFirst ? ok(monthFirst) : fail(`"${input}" is not a date (month/day/year)`);
  }
  if (dayFirst && monthFirst && dayFirst !== monthFirst) {
    return fail(`"${input}" could be day/month or month/day: choose the file's date format`);
  }
  const date = dayFirst ?? monthFirst;
  return date ? ok(date) : fail(`"${input}" is not a date`);
}

/**
 * A moment, for fields that keep the time of day: `2026-12-31T10:00:00Z`, `2026-12-31 14:00`,
 * `12/31/2026 2:30 PM`, as an ISO 8601 timestamp. The date is read as `parseDate` reads it; a
 * date alone is its midnight, and a time without an offset is UTC, as exports write theirs.
 */
export function parseDateTime(input: string, format: DateFormat | undefined): Parsed<string> {
  const parts =
    /^(.+?)(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(?:([AP])\.?M\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      input.trim(),
    );
  const date = calendarDate(parts?.[1] ?? input, format);
  if (!parts || !date.ok) return date.ok ? fail(`"${input}" is not a date and time`) : date;
  const moment = (value: string): Parsed<string> => ({ ...date, value });
  const [, , hours, minutes, seconds = '00', fraction, half, zone] = parts;
  if (hours === undefined) return moment(`${date.value}T00:00:00Z`);
  let hour = Number(hours);
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return fail(`"${input}" is not a time of day`);
    hour = (hour % 12) + (half.toUpperCase() === 'P' ? 12 : 0);
  }
  if (hour > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return fail(`"${input}" is not a time of day`);
  }
  let offset = 'Z';
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const [offsetHours, offsetMinutes] = [
      Number(digits.slice(1, 3)),
      Number(digits.slice(3) || '0'),
    ];
    // PostgreSQL refuses offsets beyond 15:59.
    if (offsetHours > 15 || offsetMinutes > 59) return fail(`"${input}" has no such UTC offset`);
    offset = `${zone[0]}${digits.slice(1, 3)}:${digits.slice(3) || '00'}`;
  }
  const time = `${String(hour).padStart(2, '0')}:${minutes}:${seconds}${fraction ? `.${fraction}` : ''}`;
  return moment(`${date.value}T${time}${offset}`);
}

/** Dollars and pesos of all kinds are written `$`; yen and yuan `¥`. */
const SYMBOL_CURRENCIES: Record<string, readonly string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP'],
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
};

/**
 * The currencies an amount as typed may be in (`1,234.56 EUR`, `€1.234,56`), or undefined when
 * it names none.
 */
export function moneyCurrencies(input: string): readonly string[] | undefined {
  const text = input.trim();
  const code = /^([A-Z]{3})\b|\b([A-Z]{3})$/.exec(text);
  if (code) return [code[1] ?? code[2]!];
  const symbol = /[$€£¥]/.exec(text);
  return symbol ? SYMBOL_CURRENCIES[symbol[0]] : undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Day, month in English words and year, either way round, and an optional time to leave. The
 * day first may have a two-digit year, as Excel's `d-mmm-yy` writes one (`4-Mar-25`).
 */
const DAY_NAMED_MONTH =
  /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4}|\d{2})(?:\s+[\d:]+(?:\s*[AP]M)?)?$/i;
const NAMED_MONTH_DAY =
  /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s+[\d:]+(?:\s*[AP]M)?)?$/i;

/**
 * A date with its month in words, which no format can swap: `31 Dec 2026`, `31-Dec-2026`,
 * `Dec 31, 2026`, `December 31 2026`, `4-Mar-25`. Undefined when the text is not one; no
 * `date` when it names a day that does not exist (`Feb 30, 2026`).
 */
function namedMonthDate(text: string): { date?: Parsed<string> } | undefined {
  const dayFirst = DAY_NAMED_MONTH.exec(text);
  const monthFirst = NAMED_MONTH_DAY.exec(text);
  const [day, name, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : [monthFirst?.[2], monthFirst?.[1], monthFirst?.[3]];
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const month = MONTHS.findIndex(
    (full) =>
      lower === full || lower === full.slice(0, 3) || (lower === 'sept' && full === 'september'),
  );
  if (month === -1) return undefined;
  if (year!.length === 4) {
    const date = isoDate(Number(year), month + 1, Number(day));
    return { date: date ? ok(date) : undefined };
  }
  const date = isoDate(fullYear(year!), month + 1, Number(day));
  return { date: date ? withCentury(text, date) : undefined };
}

/** An ISO 4217 code such as `EUR`, as the API takes a record's currency; `€` and `£` too. */
export function parseCurrency(input: string): Parsed<string> {
  const text = input.trim();
  const code = { '€': 'EUR', '£': 'GBP' }[text] ?? text.toUpperCase();
  return CURRENCIES.has(code) ? ok(code) : fail(`"${input}" is not a currency code such as USD`);
}

/**
 * Why an amount cannot be stored in the currency it goes to (the row's, the organization's, or
 * that of the record the row updates), when it names another: it would be stored as that many
 * units of the other.
 */
export function otherCurrency(
  input: string,
  currency: string,
  source: 'organization' | 'row' | 'record' = 'organization',
): string | undefined {
  const currencies = moneyCurrencies(input);
  if (!currencies || currencies.includes(currency)) return undefined;
  const expected =
    source === 'row'
      ? `the row's currency is ${currency}`
      : source === 'record'
        ? `the record it updates is in ${currency}`
        : `this organization's amounts are in ${currency}`;
  return `"${input}" is in ${currencies.join(' or ')}; ${expected}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(input: string): Parsed<string> {
  const text = input.trim().toLowerCase();
  if (text.length > 320 || !EMAIL.test(text)) return fail(`"${input}" is not an email address`);
  return ok(text);
}

/** The longest domain name DNS allows, and the API takes. */
const MAX_DOMAIN = 253;

/** A domain from a domain or a web address: `https://www.acme.com/about` -> `acme.com`. */
export function parseDomain(input: string): Parsed<string> {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text)) return fail(`"${input}" is not a domain`);
  // As the API takes them, and no longer than an index entry can hold.
  if (text.length > MAX_DOMAIN) return fail(`is longer than ${MAX_DOMAIN} characters`);
  return ok(text);
}

/** A character that shows: a name without one cannot be told from no name (as the API says). */
const VISIBLE = new RegExp(VISIBLE_CHARACTER, 'u');

/** The code points of a text that shows nothing, to name it: `U+200B`. */
function codePoints(text: string): string {
  return [...text]
    .slice(0, 10)
    .map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}

/**
 * A name as a file's cell is compared with one Rampart holds (an option, a stage, a member):
 * whatever its case, its spaces (a non-breaking one, two in a row, at either end) and the way its
 * accents are encoded (`é` as one character or as `e` and a combining mark).
 */
export function foldName(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A record's name, which the API refuses when it shows nothing (zero-width spaces, a mark alone). */
export function parseVisibleText(input: string): Parsed<string> {
  return VISIBLE.test(input)
    ? ok(input)
    : fail(`needs a visible character; it is only ${codePoints(input)}`);
}

/** Comma-separated tag names, trimmed, each once; each with a character that shows. */
export function parseTags(input: string): Parsed<string[]> {
  const names = [
    ...new Set(
      input
        .split(/[,;]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  const tooLong = names.find((name) => name.length > 100);
  if (tooLong) return fail(`tag "${tooLong.slice(0, 40)}…" is longer than 100 characters`);
  const invisible = names.find((name) => !VISIBLE.test(name));
  if (invisible !== undefined)
    return fail(`a tag needs a visible character; one is only ${codePoints(invisible)}`);
  return ok(names);
}
