import Mustache from 'mustache';
import { ValidationError, type FieldProblem } from '../../lib/errors.js';

/**
 * Merge fields in an email's subject and body: `{{contact.first_name}}`, `{{deal.name}}`,
 * `{{contact.cf.<key>}}`. Mustache parses and renders them; the parse tree is checked first
 * against the values the record actually has, so a misspelt or unavailable field is refused
 * naming it, never sent as a blank. Emails are plain text: values are inserted as they are,
 * with no HTML escaping (there is no HTML for them to break), and sections, partials and
 * delimiter changes are refused, so a template is text with names in it and nothing more.
 */

/** The values a template may name, by object: `{ contact: { first_name: 'Ada', cf: {...} } }`. */
export type MergeValues = Record<string, Record<string, unknown>>;

type Token = [type: string, value: string, start: number, end: number, ...rest: unknown[]];

function has(values: MergeValues, name: string): boolean {
  let node: unknown = values;
  for (const part of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  // An object is not a value: `{{contact}}` or `{{contact.cf}}` names no field.
  return node === null || typeof node !== 'object' || Array.isArray(node);
}

/** The problems of one template text: each unknown field or unsupported tag, named. */
function problemsOf(field: string, text: string, values: MergeValues): FieldProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    return [{ field, message: error instanceof Error ? error.message : String(error) }];
  }
  const problems: FieldProblem[] = [];
  for (const [type, value] of tokens) {
    if (type === 'text') continue;
    if (type !== 'name' && type !== '&') {
      problems.push({
        field,
        message: `only merge fields like {{contact.first_name}} are allowed`,
      });
    } else if (!has(values, value)) {
      problems.push({ field, message: `unknown merge field {{${value}}}` });
    }
  }
  return problems;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The values flattened to text, as Mustache reads them. */
function textValues(values: MergeValues): Record<string, unknown> {
  const walk = (node: unknown): unknown =>
    node !== null && typeof node === 'object' && !Array.isArray(node)
      ? Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]))
      : asText(node);
  return walk(values) as Record<string, unknown>;
}

/** Renders the subject and body, or refuses (422) naming every unknown field at once. */
export function renderEmail(
  template: { subject: string; body: string },
  values: MergeValues,
): { subject: string; body: string } {
  const problems = [
    ...problemsOf('subject', template.subject, values),
    ...problemsOf('body', template.body, values),
  ];
  if (problems.length > 0) {
    throw new ValidationError(
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      problems,
    );
  }
  const view = textValues(values);
  const render = (text: string) => Mustache.render(text, view, {}, { escape: (s: string) => s });
  // A subject is one line: a value with a line break in it must not start a header.
  return {
    subject: render(template.subject).replace(/[\r\n]+/g, ' '),
    body: render(template.body),
  };
}
