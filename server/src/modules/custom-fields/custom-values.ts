import { clockProblem } from '../../lib/clock-times.js';
import { CENT, isMultipleOf } from '../../lib/exact-multiples.js';
import { invalidField, ValidationError, type FieldProblem } from '../../lib/errors.js';
import { VALUE_COLUMN, type FieldWithOptions, type ValueRow } from './custom-fields.repo.js';

/**
 * A custom field's values as the API writes and reads them, and as the table stores them: one
 * stored value per row (several for a multi-select). Every write path (a record's create or
 * update, bulk edit, import) reads values through `parseValue`, so a value is refused alike
 * wherever it comes from, with a message naming the field's label.
 */

/** A value as the API shows it. */
export type CustomValue = string | number | boolean | string[] | null;

export const MAX_MONEY = 1e13;

/** The longest value of each text-like type, in characters. */
export const TEXT_LIMITS = {
  text: 1000,
  long_text: 20000,
  phone: 50,
  email: 320,
  url: 1000,
} as const;
export const MAX_NUMBER = 1e15;

/**
 * The most bytes of UTF-8 a value of a type that is sorted and filtered by its index may take:
 * an index entry holds about 2,700 bytes, and 1,000 characters of a script written with 3 bytes
 * a character (Chinese, Japanese, Korean, Thai…) take 3,000. Within this bound every value fits;
 * it refuses only such scripts past 666 characters (letters of Latin, Greek or Cyrillic take 1
 * or 2 bytes, and a character past the 65,536 of the first plane counts twice already).
 */
export const MAX_INDEXED_BYTES = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// PostgreSQL takes offsets up to ±15:59 only, and years up to 9999 here.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-](0\d|1[0-5]):[0-5]\d)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The path of a field's value in a record's body: what an error names. */
export const valuePath = (key: string) => `custom_fields.${key}`;

class ValueProblem extends Error {}

function need(condition: boolean, message: string): void {
  if (!condition) throw new ValueProblem(message);
}

/**
 * Text trimmed, and lower-cased when `lowerCase`. The limits hold for the form kept: lower case
 * can be longer than what was typed (`İ` becomes `i` and a combining dot, two characters).
 */
function text(
  raw: unknown,
  max: number,
  { indexed = true, lowerCase = false } = {},
): string | null {
  need(typeof raw === 'string', 'must be text');
  const trimmed = (raw as string).trim();
  const value = lowerCase ? trimmed.toLowerCase() : trimmed;
  need(
    value.length <= max,
    `must be at most ${max} characters${lowerCase ? ' once in lower case' : ''}`,
  );
  need(
    !indexed || Buffer.byteLength(value) <= MAX_INDEXED_BYTES,
    `must take at most ${MAX_INDEXED_BYTES} bytes as UTF-8 (${Math.floor(MAX_INDEXED_BYTES / 3)} characters of Chinese, Japanese or Korean)`,
  );
  return value === '' ? null : value;
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** The stored values of one field's value: none when it is cleared. Throws ValueProblem. */
function stored(field: FieldWithOptions, raw: unknown): unknown[] {
  if (raw === null) return [];
  const one = (value: unknown) => (value === null ? [] : [value]);
  switch (field.field_type) {
    case 'text':
      return one(text(raw, TEXT_LIMITS.text));
    case 'long_text':
      // Stored apart from the values that are sorted and filtered by their index.
      return one(text(raw, TEXT_LIMITS.long_text, { indexed: false }));
    case 'phone': {
      const value = text(raw, TEXT_LIMITS.phone);
      need(value === null || /\d/.test(value), 'must be a phone number');
      return one(value);
    }
    case 'email': {
      const value = text(raw, TEXT_LIMITS.email, { lowerCase: true });
      need(value === null || EMAIL.test(value), 'must be an email address');
      return one(value);
    }
    case 'url': {
      const value = text(raw, TEXT_LIMITS.url);
      if (value !== null) {
        let protocol = '';
        try {
          protocol = new URL(value).protocol;
        } catch {
          // Not an address at all: refused below.
        }
        need(protocol === 'http:' || protocol === 'https:', 'must be an http or https address');
      }
      return one(value);
    }
    case 'number':
      need(
        typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) <= MAX_NUMBER,
        `must be a number between -${MAX_NUMBER} and ${MAX_NUMBER}`,
      );
      return [raw];
    case 'money':
      need(
        typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) <= MAX_MONEY,
        `must be an amount between -${MAX_MONEY} and ${MAX_MONEY}`,
      );
      // Kept to the cent, as every amount is (deals, leads, imports, the app's money input), and
      // refused past it rather than rounded: people expect the amount they typed, and one that
      // needs a third decimal is not what a CRM's amount is for. An amount here has no currency
      // of its own (the organization's may change), so the cent is the rule whatever it is.
      need(isMultipleOf(raw as number, CENT), 'must have at most 2 decimals (to the cent)');
      return [raw];
    case 'date':
      need(typeof raw === 'string' && isDate(raw), 'must be a date, YYYY-MM-DD');
      return [raw];
    case 'datetime': {
      need(typeof raw === 'string' && DATE_TIME.test(raw), 'must be a date and time with a zone');
      const clock = clockProblem(raw as string);
      if (clock) throw new ValueProblem(clock);
      const moment = new Date(raw as string);
      const year = moment.getUTCFullYear();
      need(!Number.isNaN(moment.getTime()) && year >= 1 && year <= 9999, 'must be a valid date');
      return [moment.toISOString()];
    }
    case 'checkbox':
      need(typeof raw === 'boolean', 'must be true or false');
      return [raw];
    case 'select':
      need(
        typeof raw === 'string' && field.options.some((option) => option.id === raw),
        'must be one of its options',
      );
      return [raw];
    case 'multi_select': {
      need(Array.isArray(raw), 'must be a list of its options');
      const ids = [...new Set(raw as unknown[])];
      need(
        ids.every((id) => field.options.some((option) => option.id === id)),
        'must hold only its options',
      );
      return ids;
    }
    case 'member':
      need(typeof raw === 'string' && UUID.test(raw), 'must be a member of the organization');
      return [(raw as string).toLowerCase()];
  }
}

/** One field's value read from input: its stored values, or the problem named by label. */
export function parseValue(
  field: FieldWithOptions,
  raw: unknown,
  path = valuePath(field.key),
): { values: unknown[] } | { problem: FieldProblem } {
  try {
    const values = stored(field, raw);
    if (field.required && values.length === 0) {
      return { problem: { field: path, message: `"${field.label}" is required` } };
    }
    return { values };
  } catch (error) {
    if (!(error instanceof ValueProblem)) throw error;
    return { problem: { field: path, message: `"${field.label}" ${error.message}` } };
  }
}

/** Like parseValue, throwing the problem as a 422. */
export function requireValue(field: FieldWithOptions, raw: unknown, path?: string): unknown[] {
  const parsed = parseValue(field, raw, path);
  if ('problem' in parsed) throw invalidField(parsed.problem.field, parsed.problem.message);
  return parsed.values;
}

/** Throws every problem at once, so a form can mark each field. */
export function throwProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new ValidationError(
    problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    problems,
  );
}

/** The API's value of a field from its stored rows (in their order). */
export function presentValue(field: FieldWithOptions, rows: ValueRow[]): CustomValue {
  const column = VALUE_COLUMN[field.field_type];
  const values = rows.map((row) => row[column] as unknown);
  if (field.field_type === 'multi_select') {
    // In the options' order, whatever order they were chosen in.
    return field.options.filter((option) => values.includes(option.id)).map((option) => option.id);
  }
  const value = values[0];
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value as CustomValue;
}
