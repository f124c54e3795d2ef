import { Type, type TStringOptions } from 'typebox';

/** Shared pieces of request and response schemas. */

/** Every property optional: the body of an update, from the properties of a create. */
export const optional = <T extends Record<string, Parameters<typeof Type.Optional>[0]>>(props: T) =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>>;
  };

export const Uuid = Type.String({
  format: 'uuid',
  examples: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
});

/**
 * Text holding at least one character a person can see. Spaces, zero-width characters,
 * bidirectional controls (U+202E reverses what follows), other format and control characters,
 * lone combining marks and fillers (U+3164, U+2800) all render as nothing.
 */
export const VISIBLE_CHARACTER = '[^\\s\\p{C}\\p{Z}\\p{M}\\p{Default_Ignorable_Code_Point}\\u2800]';

/** A name or title: required, and something to see, so a list never shows a blank row. */
export const VisibleText = (options: Omit<TStringOptions, 'minLength' | 'pattern'>) =>
  Type.String({ minLength: 1, pattern: VISIBLE_CHARACTER, ...options });

export const Email = Type.String({
  format: 'email',
  minLength: 3,
  maxLength: 320,
  examples: ['ada@example.com'],
});

export const Password = Type.String({
  minLength: 10,
  maxLength: 200,
  description:
    "At least 10 characters, and not easy to guess: common passwords, keyboard patterns and the account's own email or name are refused (422 naming the field).",
  examples: ['correct horse battery staple'],
});

/** A timestamp in a response: services hand over Dates, the serializer writes ISO 8601. */
export const Timestamp = Type.Unsafe<Date | string>({
  type: 'string',
  format: 'date-time',
  examples: ['2026-01-31T09:00:00.000Z'],
});

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'Error', description: 'Every error answer has this shape' },
);

/** Error answers a route can give, for its OpenAPI description. */
export function errors<S extends number>(...statuses: S[]): Record<S, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as Record<
    S,
    typeof ErrorBody
  >;
}

export const UserSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.String() });
export const OrgSchema = Type.Object({ id: Uuid, name: Type.String() });
/** The organization the caller works in, with what the app needs to show money and dates. */
export const CurrentOrgSchema = Type.Object({
  ...OrgSchema.properties,
  currency: Type.String({ description: 'ISO 4217' }),
  locale: Type.String({ description: 'BCP 47' }),
});
export const RoleSchema = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('member'),
]);
export const OrgWithRoleSchema = Type.Object({ id: Uuid, name: Type.String(), role: RoleSchema });
export const SessionSchema = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String(),
});

/**
 * A deep copy of a JSON schema in which each object, once its own parts are copied, is what
 * `edit` makes of the copy (given the original too, for what a copy of entries leaves out,
 * such as symbol keys).
 */
export function copySchema(
  schema: unknown,
  edit: (copy: Record<string, unknown>, original: object) => unknown,
): unknown {
  if (Array.isArray(schema)) return schema.map((part) => copySchema(part, edit));
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, copySchema(value, edit)]),
  );
  return edit(copy, schema);
}
