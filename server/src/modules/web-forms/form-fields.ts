import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { invalidField, ValidationError, type FieldProblem } from '../../lib/errors.js';

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

export interface FormField {
  field: FormFieldName;
  required: boolean;
}

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
  const kept = fields.filter((f) => !seen.has(f.field) && seen.add(f.field));
  const lastName = kept.find((f) => f.field === 'last_name');
  if (lastName) lastName.required = true;
  else kept.unshift({ field: 'last_name', required: true });
  return kept;
}

/**
 * A submission's values for the form's fields, checked as the lead API checks them; anything
 * else the page sent (a submit button's name, a tracking parameter) is left out.
 */
export function readSubmission(
  fields: FormField[],
  body: Record<string, unknown>,
): Partial<Record<FormFieldName, string>> {
  const values: Partial<Record<FormFieldName, string>> = {};
  const problems: FieldProblem[] = [];
  for (const { field, required } of fields) {
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
  if (problems.length === 1) throw invalidField(problems[0]!.field, problems[0]!.message);
  if (problems.length > 1) {
    throw new ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return values;
}
