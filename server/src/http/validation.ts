import { AjvCompiler, type Ajv, type ValidatorFactory } from '@fastify/ajv-compiler';
import { clockProblem } from '../lib/clock-times.js';
import { isMultipleOf } from '../lib/exact-multiples.js';
import { copySchema } from './schemas.js';

/** A UTC offset at the end of a date-time: `+05:30`, `-0800`, `+01`. */
const UTC_OFFSET = /([+-])(\d\d)(?::?\d\d)?$/;
/** The last moment whose UTC form has a four-digit year. */
const LAST_MOMENT = Date.parse('9999-12-31T23:59:59.999Z');
const FIRST_MOMENT = Date.parse('0001-01-01T00:00:00Z');

/**
 * RFC 3339, and so JSON Schema's `date` and `date-time`, allow the year 0000 and UTC offsets up
 * to ±23:59; PostgreSQL refuses both (22008, 22009). They also allow times PostgreSQL would
 * store as another moment (a leap second, digits past what the API gives back; see
 * clockProblem). Those values are refused here, as invalid formats naming the field, before the
 * database sees them.
 */
export function acceptOnlyStorableDates(ajv: Ajv): void {
  const narrow = (name: 'date' | 'date-time', storable: (text: string) => boolean) => {
    // ajv-formats' definition, which checks the calendar and the clock.
    const format = ajv.formats[name] as { validate: (text: string) => boolean };
    ajv.addFormat(name, {
      ...format,
      type: 'string',
      validate: (text: string) =>
        format.validate(text) && !text.startsWith('0000') && storable(text),
    });
  };
  narrow('date', () => true);
  // A moment of 0001-01-01 ahead of UTC falls in year 0 once in UTC, and one of 9999-12-31
  // behind UTC in year 10000: the API would then answer either as a date-time this very format
  // refuses. (Forms Date.parse does not read, such as a lowercase `t`, are left to the other
  // checks.)
  narrow('date-time', (text) => {
    const moment = Date.parse(text);
    return (
      clockProblem(text) === null &&
      Number(UTC_OFFSET.exec(text)?.[2] ?? 0) <= 15 &&
      !(moment < FIRST_MOMENT) &&
      !(moment > LAST_MOMENT)
    );
  });
}

/**
 * `multipleOf` as a person reads it (`isMultipleOf`): Ajv divides in binary floating point, so
 * it refused amounts people type, such as 10.13 as a multiple of 0.01.
 */
export function exactMultiples(ajv: Ajv): void {
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword({
    keyword: 'multipleOf',
    type: 'number',
    schemaType: 'number',
    errors: true,
    validate: function multipleOf(step: number, value: number): boolean {
      const exact = isMultipleOf(value, step);
      if (!exact) {
        (multipleOf as { errors?: unknown[] }).errors = [
          {
            keyword: 'multipleOf',
            message: `must be a multiple of ${step}`,
            params: { multipleOf: step },
          },
        ];
      }
      return exact;
    },
  });
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID is the same whatever the case of its hex digits, and PostgreSQL reads it so, but the
 * services compare ids as text (a survivor among the records it merges, a list without
 * duplicates): each is read in lower case, the form every answer gives, and a list that must not
 * repeat an id is checked again once its ids are in that form.
 */
export function canonicalUuids(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'lowerCaseUuid',
    type: 'string',
    schemaType: 'boolean',
    modifying: true,
    validate: (
      _on: boolean,
      value: string,
      _schema?: unknown,
      data?: {
        parentData?: Record<string | number, unknown>;
        parentDataProperty?: string | number;
      },
    ) => {
      if (data?.parentData && data.parentDataProperty !== undefined && UUID_TEXT.test(value))
        data.parentData[data.parentDataProperty] = value.toLowerCase();
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'uniqueUuids',
    type: 'array',
    schemaType: 'boolean',
    errors: true,
    validate: function uniqueUuids(_on: boolean, items: unknown[]): boolean {
      const seen = new Map<unknown, number>();
      for (const [index, item] of items.entries()) {
        const first = seen.get(item);
        if (first !== undefined) {
          (uniqueUuids as { errors?: unknown[] }).errors = [
            {
              keyword: 'uniqueItems',
              message: `must NOT have duplicate items (items ## ${first} and ${index} are identical)`,
              params: { i: first, j: index },
            },
          ];
          return false;
        }
        seen.set(item, index);
      }
      return true;
    },
  });
}

/** A copy of a request schema whose UUIDs are read in lower case (`canonicalUuids`). */
function withCanonicalUuids(schema: unknown): unknown {
  return copySchema(schema, (copy) => {
    if (copy['format'] === 'uuid') copy['lowerCaseUuid'] = true;
    const items = copy['items'] as Record<string, unknown> | undefined;
    if (copy['uniqueItems'] === true && items?.['format'] === 'uuid') copy['uniqueUuids'] = true;
    return copy;
  });
}

/** What a client is told on every date and date-time it may send: the rules above, in words. */
export const STORABLE_DATE_RULES = {
  date: 'From 0001-01-01 to 9999-12-31.',
  'date-time':
    'RFC 3339, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z once in UTC, with a UTC offset of at most ±15:59, hours from 00 to 23, no leap second (:60) and at most milliseconds.',
} as const;

/**
 * A copy of a request schema in which every `date` and `date-time` says which values are
 * refused, so that the published document and the validator cannot disagree on where it applies.
 */
export function describeStorableDates<T>(schema: T): T {
  return copySchema(schema, (copy) => {
    const rule =
      copy.type === 'string' &&
      STORABLE_DATE_RULES[copy.format as keyof typeof STORABLE_DATE_RULES];
    if (rule) copy.description = copy.description ? `${copy.description} ${rule}` : rule;
    return copy;
  }) as T;
}

type CompilerOptions = NonNullable<Parameters<ValidatorFactory>[1]>;

export function perPartValidators(): ValidatorFactory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const withCoercion = (coerceTypes: false | 'array') =>
      pool(externalSchemas, {
        ...options,
        onCreate: (ajv: Ajv) => {
          options?.onCreate?.(ajv);
          acceptOnlyStorableDates(ajv);
          exactMultiples(ajv);
          canonicalUuids(ajv);
        },
        customOptions: { ...options?.customOptions, coerceTypes },
      } as CompilerOptions);
    const exact = withCoercion(false);
    const coercing = withCoercion('array');
    return (route) =>
      (route.httpPart === 'body' ? exact : coercing)({
        ...route,
        schema: withCanonicalUuids(route.schema) as typeof route.schema,
      });
  };
}
