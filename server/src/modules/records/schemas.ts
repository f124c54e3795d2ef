import { Type, type Static, type TProperties } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.js';
import { writtenWhole } from '../../http/serialization.js';
import { CENT } from '../../lib/exact-multiples.js';
import { MAX_LIMIT } from '../../lib/list-query.js';
import { LEAD_RATINGS, LEAD_STATUSES, SOURCES, STAGE_KINDS } from '../../db/schema.js';

/** Schemas shared by the CRM record routes. */

/**
 * A value or null. A schema with a `type` says so with `nullable` rather than `anyOf`: the API
 * coerces types (for query strings), and inside `anyOf` that turned a JSON null into `0` or `""`
 * before the null branch was tried.
 */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => {
  const union = Type.Union([schema, Type.Null()]);
  const typed = typeof (schema as { type?: unknown }).type === 'string';
  // A copy without $id: the nullable copy of a named schema (a Deal) must not replace it.
  const { $id: _named, ...unnamed } = schema as T & { $id?: string };
  return (typed ? { ...unnamed, nullable: true } : union) as typeof union;
};

/** What the update of every owned record says about its owner (see records/permissions.ts). */
export const OWNER_CHANGE_RULE =
  "Only the record's owner or an admin may give it another `owner_id` (or none); anyone else is refused with 403 naming the field.";

export const ShortText = (max = 200) => Type.String({ maxLength: max });

/** An amount, to the cent: more decimals are refused rather than rounded by the column. */
export const Money = Type.Number({
  minimum: 0,
  maximum: 1e13,
  multipleOf: CENT,
  examples: [12500],
  description: 'To the cent: at most 2 decimals.',
});

export const Currency = Type.String({ pattern: '^[A-Z]{3}$', examples: ['USD'] });

export const Source = Type.Enum(SOURCES);

export const stageKind = (
  options: { default?: string; examples?: string[]; description?: string } = {},
) => Type.Enum(STAGE_KINDS, options);
export const StageKindSchema = stageKind();

export const LeadStatus = Type.Enum(LEAD_STATUSES);
export const LeadRating = Type.Enum(LEAD_RATINGS);

export const Address = Type.Object(
  {
    street: Type.Optional(ShortText(300)),
    city: Type.Optional(ShortText(200)),
    region: Type.Optional(ShortText(200)),
    postal_code: Type.Optional(ShortText(40)),
    country: Type.Optional(ShortText(100)),
  },
  { additionalProperties: false },
);

export const TagRefSchema = Type.Object({ id: Uuid, name: Type.String(), color: Type.String() });

export const TagIds = Type.Array(Uuid, { maxItems: 50, uniqueItems: true });

export const DateTimeInput = Type.String({
  format: 'date-time',
  examples: ['2026-12-01T09:00:00Z'],
});

/** What every record list filters by: the list's query and a bulk action's `filter`. */
export const RecordFilterBase = {
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Words the record must contain (prefixes of names, emails, companies…)',
    }),
  ),
  owner_id: Type.Optional(Uuid),
  team_id: Type.Optional(
    Type.Union([Uuid], { description: 'Records owned by a member of this team' }),
  ),
  tag_id: Type.Optional(Uuid),
  created_from: Type.Optional(DateTimeInput),
  created_to: Type.Optional(DateTimeInput),
  updated_from: Type.Optional(DateTimeInput),
  updated_to: Type.Optional(DateTimeInput),
} satisfies TProperties;

/** Query parameters every record list accepts. */
export const ListQueryBase = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 50 })),
  // A cursor carries the last row's sort value: up to 2,000 bytes of a custom text field.
  cursor: Type.Optional(
    Type.String({
      maxLength: 4000,
      description: 'next_cursor of the previous page, asked for in the same sort',
    }),
  ),
  count: Type.Optional(
    Type.Boolean({ description: 'Include the total number of matching records' }),
  ),
  ...RecordFilterBase,
} satisfies TProperties;

/** One custom field's value: text, a number, a date, true or false, an option or a member. */
const VALUE_TYPES =
  "By the field's type: text, long_text, url, email, phone: a string; number, money: a number; date: `YYYY-MM-DD`; datetime: ISO 8601 with a zone; checkbox: a boolean; select: an option's id; multi_select: a list of option ids; member: a user id. `null` clears it.";

export const CustomFieldValueSchema = Type.Union(
  [
    Type.String({ maxLength: 20000 }),
    Type.Number(),
    Type.Boolean(),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }),
    Type.Null(),
  ],
  { description: VALUE_TYPES },
);

const CUSTOM_FIELD_MAP = {
  description:
    "The record's custom fields, keyed by each field's stable `key` (see `GET /custom-fields`). A record shows every active field of its kind, `null` (`[]` for a multi-select) when it has no value. A write changes only the fields it names; a value the field does not take is refused with 422 naming `custom_fields.<key>` and the field's label.",
  examples: [{ region: 'c8a4e2f0-5b1d-4f6a-9a0e-2d7c3b1f4e5a', budget_code: 'EMEA-7' }],
};

export const CustomFieldsInput = Type.Record(
  Type.String({ pattern: '^[a-z][a-z0-9_]{0,49}$' }),
  CustomFieldValueSchema,
  { ...CUSTOM_FIELD_MAP, maxProperties: 200 },
);

/**
 * In answers the map is written whole (`writtenWhole`): a union is serialized by trying each of
 * its types with a validator, which tripled the time of a page of 50 leads with 20 custom
 * fields, and walking the map key by key took half as long again as one `JSON.stringify` per
 * record. Its values' types are those of CustomFieldValueSchema, as the description says.
 */
export const CustomFieldsOutput = writtenWhole(
  Type.Record(
    Type.String(),
    Type.Unsafe<Static<typeof CustomFieldValueSchema>>({
      description: VALUE_TYPES,
    }),
    CUSTOM_FIELD_MAP,
  ),
);

/** Changes with every change of the record; also its `ETag`, for `If-Match`. */
export const RecordVersion = Type.String({
  pattern: '^[0-9]+$',
  examples: ['812'],
  description:
    'Changes whenever the record changes; send it back as `If-Match` to write only over this version',
});

/**
 * The `version` a caller read of each record a call names, by id: a call over several records
 * takes them in its body, where `If-Match` could name only one. Its names are not held to a
 * pattern here: the API document (OpenAPI 3.0) cannot say it, so a name that is not an id of
 * the call's records is refused by the service, naming `versions`.
 */
export function RecordVersions(maxProperties: number, description: string) {
  return Type.Record(Type.String(), RecordVersion, {
    maxProperties,
    description: `${description} When one of them has changed since, nothing is written and the answer is 412 \`version_mismatch\` naming those records in \`error.details.ids\`, with their versions now in \`error.details.current\`. Records not named here are taken as they are.`,
    examples: [{ '0f8fad5b-d9cb-469f-a165-70867728950e': '812' }],
  });
}

export const RecordMeta = {
  id: Uuid,
  owner_id: Nullable(Uuid),
  tags: Type.Array(TagRefSchema),
  created_at: Timestamp,
  updated_at: Timestamp,
  created_by: Nullable(Uuid),
  version: RecordVersion,
  custom_fields: CustomFieldsOutput,
} satisfies TProperties;

export function pageOf<T extends Parameters<typeof Type.Array>[0]>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    next_cursor: Nullable(Type.String()),
    total: Type.Optional(Type.Integer()),
  });
}
