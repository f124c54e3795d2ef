import type { Tx } from '../../db/tenant.js';
import { fieldsById, type CustomField } from '../custom-fields/custom-fields.service.js';
import type { AuditEntry } from './audit.service.js';

/**
 * A record's custom field changes as people read them. The trail keeps one entry per stored
 * value (a multi-select's options each, a change as the removal of the old value and the
 * insertion of the new one, by field id); a record's history shows one change per field and
 * moment, under the field's label, with options and members by name.
 */

const VALUE_KEYS = [
  'value_text',
  'value_long',
  'value_number',
  'value_date',
  'value_time',
  'value_bool',
  'value_option',
  'value_member',
] as const;

type Side = 'old' | 'new';
type Change = Partial<Record<Side, unknown>>;

const sideOf = (changes: Record<string, unknown>, key: string, side: Side): unknown =>
  (changes[key] as Change | undefined)?.[side];

function shown(
  field: CustomField | undefined,
  stored: unknown[],
  names: Map<string, string>,
): unknown {
  if (stored.length === 0) return undefined;
  if (field?.field_type === 'select' || field?.field_type === 'multi_select') {
    const labels = field.options
      .filter((option) => stored.includes(option.id))
      .map((option) => option.label);
    return labels.length > 0 ? labels.join('; ') : '(a removed option)';
  }
  if (field?.field_type === 'member') {
    return stored.map((id) => names.get(id as string) ?? '(a former member)').join('; ');
  }
  return stored[0];
}

/** The page's entries with those of custom field values merged per field and moment. */
export async function withCustomFieldLabels(
  tx: Tx,
  entries: AuditEntry[],
  memberNames: (tx: Tx, ids: string[]) => Promise<Map<string, string>>,
): Promise<AuditEntry[]> {
  const isValue = (entry: AuditEntry) => entry.table_name === 'custom_field_values';
  const fieldOf = (entry: AuditEntry) =>
    (sideOf(entry.changes, 'field_id', 'new') ?? sideOf(entry.changes, 'field_id', 'old')) as
      string | undefined;
  const valueOf = (entry: AuditEntry, side: Side) =>
    VALUE_KEYS.map((key) => sideOf(entry.changes, key, side)).find((v) => v !== undefined);
  const values = entries.filter(isValue);
  if (values.length === 0) return entries;
  const fields = await fieldsById(tx, [
    ...new Set(values.flatMap((entry) => fieldOf(entry) ?? [])),
  ]);
  const members = values.flatMap((entry) =>
    (['old', 'new'] as const).flatMap((side) => {
      const member = sideOf(entry.changes, 'value_member', side);
      return typeof member === 'string' ? [member] : [];
    }),
  );
  const names = await memberNames(tx, [...new Set(members)]);

  // A change of a field is the removal of its old values then the insertion of the new ones,
  // one statement after the other: consecutive entries of one field by one person, the
  // removals before the insertions, are one change.
  const merged: AuditEntry[] = [];
  const groups: Array<{ fieldId: string; entry: AuditEntry; old: unknown[]; new: unknown[] }> = [];
  let open: (typeof groups)[number] | undefined;
  for (const entry of entries) {
    if (!isValue(entry)) {
      merged.push(entry);
      open = undefined;
      continue;
    }
    const fieldId = fieldOf(entry) ?? '';
    const removal = entry.action === 'delete';
    const continues =
      open !== undefined &&
      open.fieldId === fieldId &&
      open.entry.actor?.id === entry.actor?.id &&
      (!removal || open.new.length === 0);
    if (!continues) {
      open = { fieldId, entry: { ...entry, action: 'update' }, old: [], new: [] };
      groups.push(open);
      merged.push(open.entry);
    }
    for (const side of ['old', 'new'] as const) {
      const value = valueOf(entry, side);
      if (value !== undefined && value !== null) open![side].push(value);
    }
  }
  for (const group of groups) {
    const field = fields.get(group.fieldId);
    const change: Change = {};
    const before = shown(field, group.old, names);
    const after = shown(field, group.new, names);
    if (before !== undefined) change.old = before;
    if (after !== undefined) change.new = after;
    group.entry.changes = { [field?.label ?? 'A custom field']: change };
  }
  return merged;
}
