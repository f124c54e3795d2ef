import type { CustomField } from './directory.svelte';
import { directory } from './directory.svelte';
import { formatDateTime, localDateTime, momentOf } from './format';
import type { Column } from './list.svelte';

/** A custom field's value as the API holds it. */
export type CustomValue = string | number | boolean | string[] | null;

/** A record as the API answers it: each value typed by its field (see CustomValue). */
export interface WithCustomFields {
  custom_fields: Record<string, unknown>;
}

export const FIELD_TYPES: ReadonlyArray<{ value: CustomField['field_type']; label: string }> = [
  { value: 'text', label: 'Text' },
  { value: 'long_text', label: 'Long text' },
  { value: 'number', label: 'Number' },
  { value: 'money', label: 'Money' },
  { value: 'date', label: 'Date' },
  { value: 'datetime', label: 'Date and time' },
  { value: 'checkbox', label: 'Checkbox' },
  { value: 'select', label: 'Single select' },
  { value: 'multi_select', label: 'Multi select' },
  { value: 'url', label: 'URL' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'member', label: 'Member' },
];

export const hasOptions = (type: CustomField['field_type']) =>
  type === 'select' || type === 'multi_select';

/** How a person reads a value: option labels, a member's name, Yes or No. */
export function showValue(field: CustomField, value: unknown): string {
  if (value === null || value === undefined) return '';
  const option = (id: string) => field.options.find((o) => o.id === id)?.label ?? '';
  switch (field.field_type) {
    case 'select':
      return option(String(value));
    case 'multi_select':
      return (value as string[]).map(option).join(', ');
    case 'checkbox':
      return value ? 'Yes' : 'No';
    case 'member':
      return directory.memberName(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    default:
      return String(value);
  }
}

/** The list's columns of a kind's custom fields, hidden until chosen. */
export function customColumns<Row extends WithCustomFields>(
  kind: CustomField['record_type'],
): Column<Row>[] {
  return directory.fieldsOf(kind).map((field) => ({
    key: `cf.${field.key}`,
    label: field.label,
    value: (row: Row) => showValue(field, row.custom_fields[field.key]),
    visible: false,
    // Every type has an order but these: several options, or text too long to compare.
    ...(!['multi_select', 'long_text'].includes(field.field_type) && {
      sort: `cf.${field.key}`,
    }),
  }));
}

/** A key for a label: `Sales region` gives `sales_region`. */
export function keyOf(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 50);
  return key || 'field';
}

/**
 * A value as an editor holds it: text, a multi-select's options comma-separated, a date-time
 * as the reader's wall time (what a `datetime-local` input shows).
 */
export function textOf(field: CustomField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.field_type === 'datetime') return localDateTime(String(value));
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The input a field's value is typed or picked in, when it is not chosen from a list. */
export function inputTypeOf(
  field: CustomField,
): 'text' | 'number' | 'textarea' | 'email' | 'date' | 'datetime-local' {
  switch (field.field_type) {
    case 'number':
    case 'money':
      return 'number';
    case 'long_text':
      return 'textarea';
    case 'email':
    case 'date':
      return field.field_type;
    case 'datetime':
      return 'datetime-local';
    default:
      return 'text';
  }
}

/** The value of what was typed or chosen for a field, as the API takes it. */
export function valueFromText(field: CustomField, text: string): CustomValue {
  const trimmed = text.trim();
  if (trimmed === '') return field.field_type === 'multi_select' ? [] : null;
  switch (field.field_type) {
    case 'number':
    case 'money':
      return Number(trimmed);
    case 'checkbox':
      return trimmed === 'true';
    case 'multi_select':
      return trimmed.split(',');
    case 'long_text':
      return text;
    case 'datetime':
      return momentOf(trimmed);
    default:
      return trimmed;
  }
}

/** The choices of a field picked from a list: a select's options, members, yes or no. */
export function choicesOf(field: CustomField): Array<{ value: string; label: string }> | undefined {
  switch (field.field_type) {
    case 'select':
      return [
        { value: '', label: 'None' },
        ...field.options.map((o) => ({ value: o.id, label: o.label })),
      ];
    case 'multi_select':
      return field.options.map((o) => ({ value: o.id, label: o.label }));
    case 'checkbox':
      return [
        { value: '', label: 'Not set' },
        { value: 'true', label: 'Yes' },
        { value: 'false', label: 'No' },
      ];
    case 'member':
      return [
        { value: '', label: 'Nobody' },
        ...directory.members.map((m) => ({ value: m.user_id, label: m.name })),
      ];
    default:
      return undefined;
  }
}

/**
 * A new record's custom fields from a create form's texts (by key): those filled in. A field
 * left empty is not sent, so that it takes its default.
 */
export function customFieldsFrom(
  kind: CustomField['record_type'],
  texts: Record<string, string>,
): Record<string, CustomValue> {
  return Object.fromEntries(
    directory
      .fieldsOf(kind)
      .filter((field) => (texts[field.key] ?? '').trim() !== '')
      .map((field) => [field.key, valueFromText(field, texts[field.key]!)]),
  );
}

/** Where the API names each custom field of a kind in a refusal (under `prefix` in the body). */
export const customFieldPaths = (
  kind: CustomField['record_type'],
  prefix = 'custom_fields',
): string[] => directory.fieldsOf(kind).map((field) => `${prefix}.${field.key}`);
