import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 schema object that the API's documents use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
}

/** Where a generated value goes: uuids of known records are drawn by the field's name. */
export interface Generation {
  /** The schemas that `$ref`s name, by reference. */
  resolve: (ref: string) => JsonSchema;
  /** Ids of records that exist, to draw beside random ones, for a field of this name. */
  knownIds: (name: string) => string[];
}

/** Longer strings and arrays find little more than short ones, and slow every case down. */
const MAX_STRING = 40;
const MAX_ITEMS = 3;
const MAX_DEPTH = 6;

/**
 * Characters a person may paste as well as the ones that break things: NUL and other controls,
 * bidirectional controls, invisible ones, surrogate pairs, combining marks.
 */
const character = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '\u0301', '😀', "'", '%'),
  },
);

function text(minLength = 0, maxLength = MAX_STRING): fc.Arbitrary<string> {
  const max = Math.min(maxLength, Math.max(minLength, MAX_STRING));
  return fc
    .array(character, { minLength, maxLength: max })
    .map((chars) => chars.join(''))
    .filter((value) => [...value].length >= minLength && [...value].length <= maxLength);
}

/** ISO 8601 date-times as clients send them: UTC, any offset (some PostgreSQL refuses), fractions. */
const dateTime = fc
  .tuple(
    fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), { freq: 3 }),
  )
  .map(([date, offset]) => {
    const utc = date.toISOString();
    if (offset === null) return utc;
    const sign = offset < 0 ? '-' : '+';
    const minutes = Math.abs(offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${utc.slice(0, -1)}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  });

function uuid(name: string, generation: Generation): fc.Arbitrary<string> {
  const known = generation.knownIds(name);
  const random = fc.uuid();
  return known.length === 0
    ? random
    : fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: random },
      );
}

function string(schema: JsonSchema, name: string, generation: Generation): fc.Arbitrary<string> {
  const { minLength = 0, maxLength = 10_000 } = schema;
  switch (schema.format) {
    case 'uuid':
      return uuid(name, generation);
    case 'date-time':
      return dateTime;
    case 'date':
      return dateTime.map((value) => value.slice(0, 10));
    case 'email':
      return fc.emailAddress().filter((value) => value.length <= maxLength);
  }
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((value) => [...value].length >= minLength && [...value].length <= maxLength);
  }
  return text(minLength, maxLength);
}

function number(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const above = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const below = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  if (integer) {
    return fc.integer({
      min: schema.minimum ?? (above === undefined ? Number.MIN_SAFE_INTEGER : above + 1),
      max: schema.maximum ?? (below === undefined ? Number.MAX_SAFE_INTEGER : below - 1),
    });
  }
  return fc
    .double({
      min: schema.minimum ?? above ?? -1e15,
      max: schema.maximum ?? below ?? 1e15,
      noNaN: true,
      noDefaultInfinity: true,
    })
    .filter(
      (value) => (above === undefined || value > above) && (below === undefined || value < below),
    )
    .map((value) => (Object.is(value, -0) ? 0 : value));
}

/** Values that the schema accepts, drawn to reach the corners: limits, odd text, odd dates. */
export function valuesOf(
  schema: JsonSchema,
  generation: Generation,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) return valuesOf(generation.resolve(schema.$ref), generation, name, depth);
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => valuesOf(v, generation, name, depth)));
  if (schema.allOf) return valuesOf(Object.assign({}, ...schema.allOf), generation, name, depth);
  const types = ([] as string[]).concat(schema.type ?? (schema.properties ? 'object' : []));
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  const base = fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
        case 'number':
          return number(schema, type === 'integer');
        case 'string':
          return string(schema, name, generation);
        case 'array':
          return array(schema, generation, name, depth);
        default:
          return object(schema, generation, depth);
      }
    }),
  );
  return schema.nullable ? fc.option(base, { nil: null, freq: 4 }) : base;
}

function array(
  schema: JsonSchema,
  generation: Generation,
  name: string,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const items = valuesOf(schema.items ?? {}, generation, name.replace(/s$/, ''), depth + 1);
  const constraints = {
    minLength: schema.minItems ?? 0,
    maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
  };
  return schema.uniqueItems
    ? fc.uniqueArray(items, { ...constraints, selector: (value) => JSON.stringify(value) })
    : fc.array(items, constraints);
}

function object(
  schema: JsonSchema,
  generation: Generation,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, property]) => [
      key,
      valuesOf(property, generation, key, depth + 1),
    ]),
  );
  const known = fc.record(properties, { requiredKeys: schema.required ?? [] });
  const extra =
    schema.patternProperties && Object.values(schema.patternProperties)[0]
      ? Object.values(schema.patternProperties)[0]
      : typeof schema.additionalProperties === 'object'
        ? schema.additionalProperties
        : undefined;
  if (!extra) return known;
  return fc
    .tuple(
      known,
      fc.dictionary(text(1, 20), valuesOf(extra, generation, '', depth + 1), {
        maxKeys: MAX_ITEMS,
      }),
    )
    .map(([fixed, free]) => ({ ...free, ...fixed }));
}

/** A value of another JSON type than most fields expect, or of the right type at a wrong size. */
export const strayValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  text(),
  fc.constant('x'.repeat(20_000)),
  fc.constant({}),
  fc.constant([]),
  fc.constant('not-a-uuid'),
  fc.constant('2026-02-30T25:61:00Z'),
  fc.constant('99999999999999999999'),
  fc.constant(-1),
  fc.constant(2 ** 31),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * A body close to valid with one thing wrong: a field of the wrong type or size, a required
 * field missing, a field the schema does not know, or no object at all. Some draws happen to
 * be valid after all; the caller asks the schema's validator which ones are not.
 */
export function strayBodiesOf(schema: JsonSchema, generation: Generation): fc.Arbitrary<unknown> {
  const resolved = schema.$ref ? generation.resolve(schema.$ref) : schema;
  return fc
    .tuple(valuesOf(resolved, generation), fc.nat(), strayValue, text(1, 12))
    .map(([body, pick, stray, unknownKey]) => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return stray;
      const copy = { ...(body as Record<string, unknown>) };
      const keys = Object.keys(resolved.properties ?? {});
      const required = resolved.required ?? [];
      switch (pick % 4) {
        case 0:
          if (keys.length > 0) copy[keys[pick % keys.length]!] = stray;
          return copy;
        case 1:
          if (required.length > 0) delete copy[required[pick % required.length]!];
          return copy;
        case 2:
          copy[`${unknownKey}_unknown`] = stray;
          return copy;
        default:
          return stray;
      }
    });
}
