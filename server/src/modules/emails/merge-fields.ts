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

/** The longest subject a message header takes (RFC 5322's line length). */
export const MAX_SUBJECT_LENGTH = 998;

/**
 * The longest body an email may have once its merge fields are filled in: twice what a template
 * holds, room for any real message. Without it, a template that repeats a long value thousands of
 * times would make a body of many megabytes from a request of a hundred kilobytes.
 */
export const MAX_BODY_LENGTH = 200_000;

/** Characters as PostgreSQL counts them: code points, not UTF-16 units. */
function characters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) count++;
  }
  return count;
}

/** How long a checked template renders, counted from its parts, without rendering it. */
function renderedLength(text: string, view: Record<string, unknown>): number {
  let length = 0;
  for (const [type, value] of Mustache.parse(text) as unknown as Token[]) {
    const part =
      type === 'text'
        ? value
        : value
            .split('.')
            .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], view);
    length += characters(part as string);
  }
  return length;
}

function tooLong(field: string, length: number, limit: number, what: string): FieldProblem {
  return {
    field,
    message: `is ${length.toLocaleString('en-US')} characters once its merge fields are filled in; ${what} holds at most ${limit.toLocaleString('en-US')}`,
  };
}

function refuse(problems: FieldProblem[]): never {
  throw new ValidationError(
    problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    problems,
  );
}

/**
 * Renders the subject and body, or refuses (422) naming every unknown field at once, and a
 * subject or body too long once its fields are filled in. Their length is counted before they
 * are rendered, so a template that would grow too large is never built.
 */
export function renderEmail(
  template: { subject: string; body: string },
  values: MergeValues,
): { subject: string; body: string } {
  const unknown = [
    ...problemsOf('subject', template.subject, values),
    ...problemsOf('body', template.body, values),
  ];
  if (unknown.length > 0) refuse(unknown);
  const view = textValues(values);
  const render = (text: string) => Mustache.render(text, view, {}, { escape: (s: string) => s });
  // Counted before rendering: a template that repeats a long value is never built.
  const subjectLength = renderedLength(template.subject, view);
  const bodyLength = renderedLength(template.body, view);
  // A subject is one line: a value with a line break in it must not start a header. Joining
  // its lines only shortens it, so its length is the rendered one.
  const subject =
    subjectLength > MAX_BODY_LENGTH ? undefined : render(template.subject).replace(/[\r\n]+/g, ' ');
  const shownLength = subject === undefined ? subjectLength : characters(subject);
  const problems: FieldProblem[] = [];
  if (shownLength > MAX_SUBJECT_LENGTH)
    problems.push(tooLong('subject', shownLength, MAX_SUBJECT_LENGTH, 'a subject'));
  if (bodyLength > MAX_BODY_LENGTH)
    problems.push(tooLong('body', bodyLength, MAX_BODY_LENGTH, 'an email body'));
  if (problems.length > 0 || subject === undefined) refuse(problems);
  return { subject, body: render(template.body) };
}
