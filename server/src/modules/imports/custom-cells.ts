import type { CustomField as FieldWithOptions } from '../custom-fields/custom-fields.service.js';
import { parseValue } from '../custom-fields/custom-values.js';
import {
  otherCurrency,
  parseBoolean,
  parseDate,
  foldName,
  parseMoney,
  type DateFormat,
  type Parsed,
} from './values.js';

/**
 * A cell of a custom field's column read as people type it (and as a list export writes it):
 * amounts like `$22,000`, dates in the file's format, yes or no, options by label whatever
 * their case (several separated by ";"), members by email or name. The value is then checked
 * by the custom fields' own parser, as on every other write path, so that a file cannot store
 * what the API would refuse.
 */

/** A number as typed: `-1,234.5`, `0.125`, or an amount such as `$22,000`. */
function parseNumber(cell: string): Parsed<number> {
  const plain = cell.replace(/[\s']/g, '');
  if (/^-?\d+(\.\d+)?$/.test(plain)) return { ok: true, value: Number(plain) };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain))
    return { ok: true, value: Number(plain.replace(/,/g, '')) };
  const negative = plain.startsWith('-');
  const amount = parseMoney(negative ? plain.slice(1) : plain);
  if (!amount.ok) return { ok: false, reason: `"${cell}" is not a number` };
  return { ok: true, value: (negative ? -1 : 1) * Number(amount.value) };
}

const notAnOption = (field: FieldWithOptions, label: string): Parsed<never> => ({
  ok: false,
  reason: `"${label.trim()}" is not one of ${field.options.map((o) => o.label).join(', ')}`,
});

function optionByLabel(field: FieldWithOptions, label: string): Parsed<string> {
  const option = field.options.find((o) => foldName(o.label) === foldName(label));
  return option ? { ok: true, value: option.id } : notAnOption(field, label);
}

/**
 * A multi-select's options, separated by ";" as a list export joins them. A label may hold a
 * ";" itself (`A; B`): the longest run of pieces that is an option's label is taken first.
 */
function optionsByLabels(field: FieldWithOptions, cell: string): Parsed<string[]> {
  const pieces = cell.split(';');
  // No label spans more pieces than it has: a long cell costs no more than its labels do.
  const span = Math.max(1, ...field.options.map((o) => o.label.split(';').length));
  const optionFrom = (start: number) => {
    for (let end = Math.min(pieces.length, start + span); end > start; end -= 1) {
      const label = foldName(pieces.slice(start, end).join(';'));
      const option = field.options.find((o) => foldName(o.label) === label);
      if (option) return { id: option.id, end };
    }
    return undefined;
  };
  const ids: string[] = [];
  for (let start = 0; start < pieces.length;) {
    if (pieces[start]!.trim() === '') {
      start += 1;
      continue;
    }
    const found = optionFrom(start);
    if (!found) return notAnOption(field, pieces[start]!);
    ids.push(found.id);
    start = found.end;
  }
  return { ok: true, value: ids };
}

/** What cells are read against: the file's date format, the members, the organization's currency. */
interface CellContext {
  dateFormat?: DateFormat;
  members: Map<string, string | null>;
  currency: string;
}

/** What a cell means for the field, in the API's terms (before the field's own checks). */
function apiValue(field: FieldWithOptions, cell: string, context: CellContext): Parsed<unknown> {
  switch (field.field_type) {
    case 'number':
      return parseNumber(cell);
    case 'money': {
      const problem = otherCurrency(cell, context.currency);
      if (problem) return { ok: false, reason: problem };
      const amount = parseNumber(cell);
      return amount.ok ? amount : { ok: false, reason: `"${cell}" is not an amount` };
    }
    case 'date':
      return parseDate(cell, context.dateFormat);
    case 'checkbox':
      return parseBoolean(cell);
    case 'select':
      return optionByLabel(field, cell);
    case 'multi_select':
      return optionsByLabels(field, cell);
    case 'member': {
      return memberOf(context.members, cell);
    }
    default:
      return { ok: true, value: cell };
  }
}

/** A non-empty cell of a custom field's column: the values to store, or why it cannot be. */
export function parseCustomCell(
  field: FieldWithOptions,
  cell: string,
  context: CellContext,
): Parsed<unknown[]> {
  const raw = apiValue(field, cell, context);
  if (!raw.ok) return raw;
  const parsed = parseValue(field, raw.value);
  if ('problem' in parsed) return { ok: false, reason: parsed.problem.message };
  return {
    ok: true,
    value: parsed.values,
    ...(raw.notice !== undefined && { notice: raw.notice }),
  };
}

/** The member a cell names by email or name; a name two members share is refused, not guessed. */
export function memberOf(members: Map<string, string | null>, cell: string): Parsed<string> {
  const member = members.get(foldName(cell));
  if (member) return { ok: true, value: member };
  if (member === null) {
    return { ok: false, reason: `more than one member is called "${cell}": use the email` };
  }
  return { ok: false, reason: `no member has the email or name "${cell}"` };
}
