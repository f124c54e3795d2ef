import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { CustomFieldType } from '../../db/schema.js';
import type { FieldProblem } from '../../lib/errors.js';
import type { CustomField } from '../custom-fields/custom-fields.service.js';
import { parseValue, throwProblems } from '../custom-fields/custom-values.js';

/**
 * The lead fields a public form may ask for, with what a visitor sees and the same limits the
 * lead API has. A form's submission becomes a lead through the lead's own path.
 */
export const FORM_FIELDS = {
  first_name: { label: 'First name', input: 'text', maxLength: 200, autocomplete: 'given-name' },
  last_name: { label: 'Last name', input: 'text', maxLength: 200, autocomplete: 'family-name' },
  email: { label: 'Email', input: 'email', maxLength: 320, autocomplete: 'email' },
  phone: { label: 'Phone', input: 'tel', maxLength: 50, autocomplete: 'tel' },
  company: { label: 'Company', input: 'text', maxLength: 300, autocomplete: 'organization' },
  job_title: {
    label: 'Job title',
    input: 'text',
    maxLength: 200,
    autocomplete: 'organization-title',
  },
  website: { label: 'Website', input: 'url', maxLength: 500, autocomplete: 'url' },
  description: { label: 'Message', input: 'textarea', maxLength: 5000, autocomplete: 'off' },
} as const;

export type FormFieldName = keyof typeof FORM_FIELDS;
export const FORM_FIELD_NAMES = Object.keys(FORM_FIELDS) as FormFieldName[];

/** A lead field the form asks for. */
export interface BuiltInFormField {
  field: FormFieldName;
  required: boolean;
}

/** A lead custom field the form asks for, by its key (which never changes). */
export interface CustomFormField {
  custom_field: string;
  required: boolean;
}

export type FormField = BuiltInFormField | CustomFormField;

export const isCustom = (field: FormField): field is CustomFormField => 'custom_field' in field;

/** The name of a custom field's input in a submission: `cf.<key>`, as in list columns. */
export const customInputName = (key: string) => `cf.${key}`;

/** The most custom fields one form asks for. */
export const MAX_FORM_CUSTOM_FIELDS = 50;

/**
 * Why a type of custom field is not asked on a public form: a visitor cannot pick a member of
 * the organization, and a browser's date-and-time input carries no time zone.
 */
const NOT_ON_FORMS: Partial<Record<CustomFieldType, string>> = {
  member: 'is a member of the organization, which a visitor cannot choose',
  datetime: 'is a date and time, which a form cannot ask with its time zone',
};

/**
 * The field a bot fills in and a person never sees: a submission with it filled is answered as
 * if accepted and stores nothing.
 */
export const HONEYPOT_FIELD = 'homepage_url';

const EmailFormat = Type.String({ format: 'email' });

/**
 * The form's fields as kept: each once, in the order given, and always the last name, which
 * every lead has.
 */
export function normalizeFields(fields: FormField[]): FormField[] {
  const seen = new Set<string>();
  const nameOf = (f: FormField) => (isCustom(f) ? customInputName(f.custom_field) : f.field);
  const kept = fields.filter((f) => !seen.has(nameOf(f)) && seen.add(nameOf(f)));
  const lastName = kept.find((f) => !isCustom(f) && f.field === 'last_name');
  if (lastName) lastName.required = true;
  else kept.unshift({ field: 'last_name', required: true });
  return kept;
}

/**
 * Refuses a custom field a form may not ask for, naming the entry of `fields`: an unknown key
 * (another organization's fields are not visible here), a field of another kind, an archived
 * field (unless the form asks for it already: it comes back when the field is restored), or a
 * type a visitor cannot fill in. `defined`: every custom field of every kind, archived too.
 */
export function checkCustomFields(
  fields: FormField[],
  defined: readonly CustomField[],
  alreadyAsked: readonly FormField[] = [],
): void {
  const asked = new Set(alreadyAsked.filter(isCustom).map((f) => f.custom_field));
  const problems: FieldProblem[] = [];
  for (const [index, entry] of fields.entries()) {
    if (!isCustom(entry)) continue;
    const key = entry.custom_field;
    const path = `fields.${index}.custom_field`;
    const field = defined.find((f) => f.record_type === 'lead' && f.key === key);
    const elsewhere = defined.find((f) => f.key === key);
    if (!field) {
      problems.push({
        field: path,
        message: elsewhere
          ? `"${key}" is a custom field of another kind of record, not of leads`
          : `"${key}" is not a custom field of leads`,
      });
    } else if (field.archived_at && !asked.has(key)) {
      problems.push({ field: path, message: `"${field.label}" is archived` });
    } else if (NOT_ON_FORMS[field.field_type]) {
      problems.push({ field: path, message: `"${field.label}" ${NOT_ON_FORMS[field.field_type]}` });
    }
  }
  if (fields.filter(isCustom).length > MAX_FORM_CUSTOM_FIELDS) {
    problems.push({
      field: 'fields',
      message: `must ask for at most ${MAX_FORM_CUSTOM_FIELDS} custom fields`,
    });
  }
  throwProblems(problems);
}

const TICKED = new Set(['true', 'on', 'yes', '1']);
const UNTICKED = new Set(['', 'false', 'off', 'no', '0']);
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A submitted value as the API would take it: a form post sends text only (a number as its
 * digits, a ticked box as its value, several options as repeated names), and an unticked box
 * sends nothing. Text that is no value of the type is left as it is, for `parseValue` to refuse.
 */
function asApiValue(field: CustomField, raw: unknown): unknown {
  const type = field.field_type;
  if (type === 'checkbox') {
    if (raw === undefined || raw === null) return false;
    if (typeof raw !== 'string') return raw;
    const word = raw.trim().toLowerCase();
    return TICKED.has(word) ? true : UNTICKED.has(word) ? false : raw;
  }
  if (type === 'multi_select') {
    const chosen = typeof raw === 'string' ? [raw] : raw;
    return Array.isArray(chosen) ? chosen.filter((option) => option !== '') : (chosen ?? null);
  }
  if (typeof raw !== 'string') return raw ?? null;
  const value = raw.trim();
  if (value === '') return null;
  if ((type === 'number' || type === 'money') && DECIMAL.test(value)) return Number(value);
  return raw;
}

/** What a submission holds: the lead's own fields, and its custom fields by key. */
export interface Submission {
  values: Partial<Record<FormFieldName, string>>;
  customFields: Record<string, unknown>;
}

/**
 * A submission's values for the form's fields, checked as the lead API checks them (a custom
 * field by the same `parseValue` as every other write); anything else the page sent (a submit
 * button's name, a tracking parameter, a field the form does not ask for) is left out, and so
 * is a custom field archived since the form was built. `active`: the lead's active custom fields.
 */
export function readSubmission(
  fields: FormField[],
  active: readonly CustomField[],
  body: Record<string, unknown>,
): Submission {
  const values: Partial<Record<FormFieldName, string>> = {};
  const customFields: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const entry of fields) {
    if (isCustom(entry)) {
      const field = active.find((f) => f.key === entry.custom_field);
      if (!field) continue;
      const name = customInputName(field.key);
      const value = asApiValue(field, body[name]);
      const parsed = parseValue({ ...field, required: entry.required }, value, name);
      if ('problem' in parsed) problems.push(parsed.problem);
      else if (entry.required && value === false) {
        problems.push({ field: name, message: `"${field.label}" must be ticked` });
      } else if (parsed.values.length > 0) customFields[field.key] = value;
      continue;
    }
    const { field, required } = entry;
    const spec = FORM_FIELDS[field];
    const raw = body[field];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      problems.push({ field, message: 'must be text' });
      continue;
    }
    const value = raw?.trim() ?? '';
    if (!value) {
      if (required) problems.push({ field, message: 'is required' });
      continue;
    }
    if (value.length > spec.maxLength) {
      problems.push({ field, message: `must be at most ${spec.maxLength} characters` });
    } else if (spec.input === 'email' && !Value.Check(EmailFormat, value)) {
      problems.push({ field, message: 'must be an email address' });
    } else {
      values[field] = value;
    }
  }
  throwProblems(problems);
  return { values, customFields };
}
