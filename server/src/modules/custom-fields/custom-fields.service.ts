import type { CustomFieldType, RecordType } from '../../db/schema.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError, type FieldProblem } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './custom-fields.repo.js';
import {
  parseValue,
  presentValue,
  requireValue,
  throwProblems,
  valuePath,
  type CustomValue,
} from './custom-values.js';

export type CustomField = repo.FieldWithOptions;

/** A record's custom fields as the API shows them: every active field by key. */
export type CustomFieldValues = Record<string, CustomValue>;

export interface OptionInput {
  id?: string;
  label: string;
  color?: string;
}

export interface FieldInput {
  label?: string;
  required?: boolean;
  default_value?: CustomValue;
  description?: string;
  position?: number;
  archived?: boolean;
  options?: OptionInput[];
}

const HAS_OPTIONS: ReadonlySet<CustomFieldType> = new Set(['select', 'multi_select']);

function label(text: string, field = 'label'): string {
  const trimmed = text.trim();
  if (!trimmed) throw invalidField(field, 'must not be blank');
  return trimmed;
}

function checkOptions(type: CustomFieldType, options: OptionInput[] | undefined): OptionInput[] {
  if (options === undefined) return [];
  if (!HAS_OPTIONS.has(type)) throw invalidField('options', 'only a select field has options');
  const labels = options.map((option, index) => label(option.label, `options.${index}.label`));
  const seen = new Set<string>();
  for (const [index, name] of labels.entries()) {
    if (seen.has(name.toLowerCase())) {
      throw invalidField(`options.${index}.label`, 'is the label of another option');
    }
    seen.add(name.toLowerCase());
  }
  return options.map((option, index) => ({
    ...option,
    label: labels[index]!,
    ...(option.color && { color: option.color.toLowerCase() }),
  }));
}

async function findOr404(tx: Tx, id: string, lock = false): Promise<CustomField> {
  const field = await repo.findField(tx, id, { lock });
  if (!field) throw new NotFoundError('Custom field');
  return field;
}

/**
 * A default must be a value the field accepts, checked against its options, and for a member
 * field a member of the organization: every record created after would take it, and be refused.
 */
async function checkDefault(tx: Tx, field: CustomField): Promise<void> {
  if (field.default_value === null) return;
  requireValue({ ...field, required: false }, field.default_value, 'default_value');
  if (field.field_type !== 'member') return;
  const person = field.default_value as string;
  if (!(await repo.membersAmong(tx, [person])).has(person)) {
    throw invalidField('default_value', 'must be a member of the organization');
  }
}

export function listCustomFields(
  ctx: RequestContext,
  filter: { record_type?: RecordType; include_archived?: boolean },
): Promise<CustomField[]> {
  return withTenant(ctx.deps.db, ctx, (tx) =>
    repo.listFields(tx, {
      recordType: filter.record_type,
      includeArchived: filter.include_archived,
    }),
  );
}

export function getCustomField(ctx: RequestContext, id: string): Promise<CustomField> {
  return withTenant(ctx.deps.db, ctx, (tx) => findOr404(tx, id));
}

export function createCustomField(
  ctx: RequestContext,
  input: FieldInput & {
    record_type: RecordType;
    key: string;
    label: string;
    field_type: CustomFieldType;
  },
): Promise<CustomField> {
  const options = checkOptions(input.field_type, input.options);
  const named = options.findIndex((option) => option.id);
  if (named >= 0) {
    throw invalidField(
      `options.${named}.id`,
      "names no option: a new field's options are added without one",
    );
  }
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member, 'Only admins and owners define custom fields');
    const id = await repo.insertField(tx, ctx, {
      record_type: input.record_type,
      key: input.key,
      label: label(input.label),
      field_type: input.field_type,
      required: input.required,
      description: input.description,
      position: input.position,
      default_value: input.default_value ?? null,
    });
    if (options.length > 0) await repo.setOptions(tx, ctx, id, options);
    const field = await findOr404(tx, id);
    await checkDefault(tx, field);
    return field;
  });
}

/**
 * A select's default once its options are `options`: the options left out are removed from it,
 * as from every value that chose them, rather than the change refused for a default the admin
 * did not touch. Undefined when it is unchanged.
 */
function defaultWithout(value: CustomValue, options: OptionInput[]): CustomValue | undefined {
  const kept = (option: unknown) => options.some((known) => known.id === option);
  if (Array.isArray(value)) {
    const left = value.filter(kept);
    if (left.length === value.length) return undefined;
    return left.length > 0 ? left : null;
  }
  return typeof value === 'string' && !kept(value) ? null : undefined;
}

export function updateCustomField(
  ctx: RequestContext,
  id: string,
  input: FieldInput,
): Promise<CustomField> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member, 'Only admins and owners define custom fields');
    const before = await findOr404(tx, id, true);
    const options = input.options && checkOptions(before.field_type, input.options);
    const named = new Set<string>();
    for (const [index, option] of (options ?? []).entries()) {
      if (!option.id) continue;
      if (!before.options.some((known) => known.id === option.id)) {
        throw invalidField(`options.${index}.id`, 'is not an option of this field');
      }
      if (named.has(option.id))
        throw invalidField(`options.${index}.id`, 'names an option given before');
      named.add(option.id);
    }
    await repo.updateField(tx, id, {
      ...(input.label !== undefined && { label: label(input.label) }),
      required: input.required,
      description: input.description,
      default_value:
        input.default_value === undefined && options
          ? defaultWithout(before.default_value, options)
          : input.default_value,
      ...(input.archived !== undefined && {
        archived_at: input.archived ? (before.archived_at ?? new Date()) : null,
      }),
    });
    if (options) await repo.setOptions(tx, ctx, id, options);
    if (input.position !== undefined) await repo.moveField(tx, before, input.position);
    const field = await findOr404(tx, id);
    await checkDefault(tx, field);
    return field;
  });
}

/** What the fields' definitions name of a member who has left: their defaults are cleared. */
export const forgetMember = repo.clearMemberDefaults;

/** Which of the given people are members of the organization. */
export const membersAmong = repo.membersAmong;

/** The active fields of a kind (of every kind when none is named), in their order. */
export function activeFields(tx: Tx, kind?: RecordType): Promise<CustomField[]> {
  return repo.listFields(tx, { recordType: kind });
}

/** Every field of every kind, archived ones included. */
export function everyField(tx: Tx): Promise<CustomField[]> {
  return repo.listFields(tx, { includeArchived: true });
}

/**
 * Writes values already read by `parseValue` (an import's): record id -> field id -> the
 * stored values, one replacement per field for the records given a value for it.
 */
export async function writeParsedValues(
  tx: Tx,
  actor: Actor,
  fields: readonly CustomField[],
  values: ReadonlyMap<string, ReadonlyMap<string, unknown[]>>,
): Promise<void> {
  for (const field of fields) {
    const records = [...values].flatMap(([recordId, byField]) => {
      const stored = byField.get(field.id);
      return stored ? [{ recordId, stored }] : [];
    });
    if (records.length === 0) continue;
    const column = repo.VALUE_COLUMN[field.field_type];
    await repo.replaceValues(
      tx,
      actor,
      records.map((r) => r.recordId),
      [field.id],
      records.flatMap((r) =>
        r.stored.map((value) => ({ record_id: r.recordId, field_id: field.id, column, value })),
      ),
    );
  }
}

/** Fields by id, archived ones included: what a record's history names by label. */
export async function fieldsById(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, CustomField>> {
  if (ids.length === 0) return new Map();
  const fields = await repo.listFields(tx, { includeArchived: true });
  return new Map(
    fields.filter((field) => ids.includes(field.id)).map((field) => [field.id, field]),
  );
}

export type StoredValues = repo.StoredValues;

/** A record's values of the fields, for the select list of the statement that reads it. */
export const storedValuesOf = repo.valuesJson;

/** The values of a list's page of the fields, read as one set for the page's statement. */
export const storedValuesOfPage = repo.valuesOfPage;

/** The typed columns of a value row, one of which holds it. */
export const VALUE_COLUMNS = repo.VALUE_COLUMNS;

/** A record's custom fields from its stored value rows: every field by key. */
function showFields(fields: readonly CustomField[], own: repo.ValueRow[]): CustomFieldValues {
  return Object.fromEntries(
    fields.map((field) => [
      field.key,
      presentValue(
        field,
        own.filter((row) => row.field_id === field.id),
      ),
    ]),
  );
}

/** The custom fields of each record, every active field of the kind by key. */
export async function customFieldsOf(
  tx: Tx,
  kind: RecordType,
  recordIds: string[],
): Promise<Map<string, CustomFieldValues>> {
  const fields = await activeFields(tx, kind);
  const rows = await repo.valuesOf(
    tx,
    recordIds,
    fields.map((field) => field.id),
  );
  const byRecord = new Map<string, repo.ValueRow[]>();
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push(row);
    byRecord.set(row.record_id, list);
  }
  return new Map(recordIds.map((id) => [id, showFields(fields, byRecord.get(id) ?? [])]));
}

/**
 * A value `repo.valuesJson` read as text, as the API shows it: what `presentValue` shows of the
 * value its column holds.
 */
function shownValue(column: repo.ValueColumn, text: string): CustomValue {
  switch (column) {
    case 'value_number':
      return Number(text);
    case 'value_bool':
      return text === 'true';
    case 'value_time':
      return new Date(text).toISOString();
    default:
      return text;
  }
}

/**
 * A record's custom fields from the values its own statement read (`repo.valuesJson`, given
 * the ids of `fields` in their order), shown exactly as `customFieldsOf` shows them. Written
 * straight into one object, keys in the fields' order: a page shows a thousand values, and
 * building a row for each, as `customFieldsOf` does, was a tenth of the page's time.
 */
export function customFieldsFrom(
  fields: readonly CustomField[],
  stored: StoredValues | null | undefined,
): CustomFieldValues {
  const shown: CustomFieldValues = {};
  for (const field of fields) shown[field.key] = field.field_type === 'multi_select' ? [] : null;
  // A record without values reads as `[null, null]` (`json_agg` of no rows).
  const [places, texts] = stored ?? [];
  for (let index = 0; index < (places?.length ?? 0); index += 1) {
    const field = fields[places![index]! - 1]!;
    const text = texts![index]!;
    if (field.field_type === 'multi_select') (shown[field.key] as string[]).push(text);
    else shown[field.key] = shownValue(repo.VALUE_COLUMN[field.field_type], text);
  }
  for (const field of fields) {
    if (field.field_type !== 'multi_select') continue;
    // In the options' order, whatever order they were chosen in (as `presentValue`).
    const chosen = shown[field.key] as string[];
    if (chosen.length > 0) {
      shown[field.key] = field.options
        .filter((option) => chosen.includes(option.id))
        .map((option) => option.id);
    }
  }
  return shown;
}

/**
 * Writes the custom fields given for records of a kind, in the transaction that writes the
 * records. A new record also takes each field's default, and must have every required field
 * (unless no person made it: see below).
 * Every problem is reported at once, each naming the field's key and label.
 */
export async function writeCustomFields(
  tx: Tx,
  actor: Actor,
  kind: RecordType,
  recordIds: string[],
  input: Record<string, unknown> | undefined,
  options: { created: boolean },
): Promise<void> {
  if (!options.created && (input === undefined || Object.keys(input).length === 0)) return;
  const fields = await repo.listFields(tx, { recordType: kind });
  const given = input ?? {};
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(given)) {
    if (!fields.some((field) => field.key === key)) {
      problems.push({ field: valuePath(key), message: `is not a field of this kind of record` });
    }
  }
  const written: Array<{ field: CustomField; values: unknown[] }> = [];
  for (const field of fields) {
    const isGiven = Object.hasOwn(given, field.key);
    const raw = isGiven ? given[field.key] : options.created ? field.default_value : undefined;
    if (raw === undefined) continue;
    // A record made by no one (a web form's submission) is not refused for a required field
    // that nobody was asked for: the lead is kept, and the field stays empty until filled.
    if (!isGiven && raw === null && actor.userId === null) continue;
    const parsed = parseValue(field, raw);
    if ('problem' in parsed) problems.push(parsed.problem);
    else written.push({ field, values: parsed.values });
  }
  const people = written.flatMap(({ field, values }) =>
    field.field_type === 'member' ? (values as string[]) : [],
  );
  const members = await repo.membersAmong(tx, people);
  for (const { field, values } of written) {
    if (field.field_type === 'member' && !values.every((id) => members.has(id as string))) {
      problems.push({
        field: valuePath(field.key),
        message: `"${field.label}" must be a member of the organization`,
      });
    }
  }
  throwProblems(problems);
  await repo
    .replaceValues(
      tx,
      actor,
      recordIds,
      written.map(({ field }) => field.id),
      recordIds.flatMap((recordId) =>
        written.flatMap(({ field, values }) =>
          values.map((value) => ({
            record_id: recordId,
            field_id: field.id,
            column: repo.VALUE_COLUMN[field.field_type],
            value,
          })),
        ),
      ),
    )
    .catch((error: unknown) => {
      throwProblems(goneChoices(error, written));
      throw error;
    });
}

/**
 * The fields whose chosen option or member went after the write checked it (removed by a change
 * that committed while the write waited for its record): the foreign key refuses the value, and
 * is named here by the fields that chose an option (or a member), as the check names them. The
 * database does not say which value it was (beneath the tenant policy it keeps the key out of
 * the message), so a write that chose several is refused for each.
 */
function goneChoices(
  error: unknown,
  written: ReadonlyArray<{ field: CustomField; values: unknown[] }>,
): FieldProblem[] {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const gone =
    code === '23503' && typeof constraint === 'string'
      ? /^custom_field_values_.*value_(option|member)/.exec(constraint)?.[1]
      : undefined;
  if (!gone) return [];
  return written
    .filter(
      ({ field, values }) =>
        values.length > 0 && repo.VALUE_COLUMN[field.field_type] === `value_${gone}`,
    )
    .map(({ field }) => ({
      field: valuePath(field.key),
      message: `"${field.label}" ${gone === 'member' ? 'must be a member of the organization' : 'must be one of its options'}`,
    }));
}

/**
 * Gives a merge's survivor the custom field values chosen from the records merged into it
 * (`choices`: field key -> record id, each one of `records`), in place of its own.
 */
export async function takeChosenValues(
  tx: Tx,
  kind: RecordType,
  survivorId: string,
  choices: Record<string, string>,
  records: ReadonlySet<string>,
): Promise<void> {
  const fields = await repo.listFields(tx, { recordType: kind, includeArchived: true });
  for (const [key, from] of Object.entries(choices)) {
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) throw invalidField(`values.custom_fields.${key}`, 'is not a field of this kind');
    if (!records.has(from)) {
      throw invalidField(`values.custom_fields.${key}`, 'names a record merged already');
    }
    if (from === survivorId) continue;
    // As on an update: a required field is not emptied by choosing a record without a value.
    if (field.required && field.archived_at === null) {
      if ((await repo.valuesOf(tx, [from], [field.id])).length === 0) {
        throw invalidField(`values.custom_fields.${key}`, `"${field.label}" is required`);
      }
    }
    await repo.copyValues(tx, field.id, from, survivorId);
  }
}
