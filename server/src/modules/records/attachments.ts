import { Type, type TProperties, type TSchema } from 'typebox';
import { invalidField } from '../../lib/errors.js';
import { Uuid } from '../../http/schemas.js';
import { RECORD_KIND_LIST, type RecordKind } from './registry.js';
import { Nullable } from './schemas.js';

/**
 * The record a task, a note or a tag link is attached to: one `<kind>_id` field per kind of
 * record in the registry, the same name in the API and in the table.
 */

export type AttachmentField = `${RecordKind}_id`;
export const ATTACHMENT_FIELDS: readonly AttachmentField[] = RECORD_KIND_LIST.map(
  (kind) => kind.attachmentField,
);
export type AttachmentInput = { [F in AttachmentField]?: string | null };

/** The fields as documentation reads them: `lead_id`, `account_id`, … */
export const ATTACHMENT_CHOICES = ATTACHMENT_FIELDS.map((field) => `\`${field}\``).join(', ');
export type AttachmentColumns = { [F in AttachmentField]: string | null };

function eachField<S extends TSchema>(schema: () => S): Record<AttachmentField, S> {
  return Object.fromEntries(ATTACHMENT_FIELDS.map((field) => [field, schema()])) as Record<
    AttachmentField,
    S
  >;
}

/** The fields as request properties, each optional. */
export const AttachmentProperties = eachField(() =>
  Type.Optional(Nullable(Uuid)),
) satisfies TProperties;

/** The fields in a response. */
export const AttachmentResponse = eachField(() => Nullable(Uuid)) satisfies TProperties;

/** Whether the input says anything about the attachment (a PATCH may leave it alone). */
export function mentionsAttachment(input: AttachmentInput): boolean {
  return ATTACHMENT_FIELDS.some((field) => input[field] !== undefined);
}

/** The attachment fields of `input`, and the rest of it. */
export function splitAttachment<T extends AttachmentInput>(
  input: T,
): { attachment: AttachmentInput; rest: Omit<T, AttachmentField> } {
  const attachment: AttachmentInput = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((ATTACHMENT_FIELDS as readonly string[]).includes(key))
      attachment[key as AttachmentField] = value as string | null;
    else rest[key] = value;
  }
  return { attachment, rest: rest as Omit<T, AttachmentField> };
}

/**
 * The columns for the attachment the input names: at most one record, or exactly one when
 * `required`. The problem is reported on the field that broke the rule, as `problem`
 * (`malformed` when the fields are query parameters).
 */
export function attachmentColumns(
  input: AttachmentInput,
  options: { required: boolean; problem?: 'malformed' },
): AttachmentColumns {
  const given = ATTACHMENT_FIELDS.filter((field) => input[field] != null);
  const choices = ATTACHMENT_FIELDS.join(', ');
  if (given.length > 1) {
    throw invalidField(given[1]!, `only one of ${choices} may be given`, options.problem);
  }
  if (given.length === 0 && options.required) {
    throw invalidField(ATTACHMENT_FIELDS[0]!, `one of ${choices} is required`, options.problem);
  }
  return Object.fromEntries(
    ATTACHMENT_FIELDS.map((field) => [field, input[field] ?? null]),
  ) as AttachmentColumns;
}
