import type { CustomField } from '../custom-fields/custom-fields.service.js';
import { TEXT_LIMITS } from '../custom-fields/custom-values.js';
import {
  customInputName,
  FORM_FIELDS,
  HONEYPOT_FIELD,
  isCustom,
  type BuiltInFormField,
  type FormField,
} from './form-fields.js';

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const labelText = (label: string, required: boolean) =>
  `${escapeHtml(label)}${required ? ' *' : ''}`;

function row(id: string, label: string, required: boolean, control: string): string {
  return `  <p>\n    <label for="${id}">${labelText(label, required)}</label>\n    ${control}\n  </p>`;
}

function builtInRow({ field, required }: BuiltInFormField): string {
  const spec = FORM_FIELDS[field];
  const id = `rampart-${field}`;
  const attributes =
    `id="${id}" name="${field}" maxlength="${spec.maxLength}" ` +
    `autocomplete="${spec.autocomplete}"${required ? ' required' : ''}`;
  const control =
    spec.input === 'textarea'
      ? `<textarea ${attributes} rows="4"></textarea>`
      : `<input type="${spec.input}" ${attributes}>`;
  return row(id, spec.label, required, control);
}

const INPUT_TYPES = { text: 'text', url: 'url', email: 'email', phone: 'tel' } as const;

/**
 * A custom field's input, of its type: options by their current labels, posted by their ids.
 * A multi-select is a group of boxes that post the same name once per ticked option.
 */
function customRow(field: CustomField, required: boolean): string {
  const name = customInputName(field.key);
  const id = `rampart-cf-${field.key}`;
  const attributes = `id="${id}" name="${name}"${required ? ' required' : ''}`;
  switch (field.field_type) {
    case 'long_text':
      return row(
        id,
        field.label,
        required,
        `<textarea ${attributes} maxlength="${TEXT_LIMITS.long_text}" rows="4"></textarea>`,
      );
    case 'number':
    case 'money': {
      const step = field.field_type === 'money' ? '0.01' : 'any';
      return row(id, field.label, required, `<input type="number" step="${step}" ${attributes}>`);
    }
    case 'date':
      return row(id, field.label, required, `<input type="date" ${attributes}>`);
    case 'checkbox':
      return `  <p>\n    <input type="checkbox" value="true" ${attributes}>\n    <label for="${id}">${labelText(field.label, required)}</label>\n  </p>`;
    case 'select':
      return row(
        id,
        field.label,
        required,
        [
          `<select ${attributes}>`,
          `      <option value="">Choose…</option>`,
          ...field.options.map(
            (o) => `      <option value="${o.id}">${escapeHtml(o.label)}</option>`,
          ),
          `    </select>`,
        ].join('\n'),
      );
    case 'multi_select':
      return [
        `  <fieldset>`,
        `    <legend>${labelText(field.label, required)}</legend>`,
        ...field.options.map(
          (o) =>
            `    <label><input type="checkbox" name="${name}" value="${o.id}"> ${escapeHtml(o.label)}</label>`,
        ),
        `  </fieldset>`,
      ].join('\n');
    case 'text':
    case 'url':
    case 'email':
    case 'phone':
      return row(
        id,
        field.label,
        required,
        `<input type="${INPUT_TYPES[field.field_type]}" ${attributes} maxlength="${TEXT_LIMITS[field.field_type]}">`,
      );
    default:
      // A type a form does not ask for was refused when the form was built.
      return '';
  }
}

/**
 * The HTML a site pastes into its page: a plain form that posts to the form's public address,
 * so it works without any script, on any origin, and is styled by the page around it. The
 * honeypot sits off-screen, out of the tab order and of the accessibility tree. Custom fields
 * are drawn from their definitions as they are now (`active`: the lead's active custom fields):
 * a renamed option shows its new label, and an archived field is left out.
 */
export function embedSnippet(
  form: { name: string; fields: FormField[] },
  action: string,
  active: readonly CustomField[],
): string {
  const rows = form.fields.flatMap((entry) => {
    if (!isCustom(entry)) return [builtInRow(entry)];
    const field = active.find((f) => f.key === entry.custom_field);
    const html = field ? customRow(field, entry.required) : '';
    return html ? [html] : [];
  });
  return [
    `<form method="post" action="${escapeHtml(action)}" accept-charset="UTF-8" aria-label="${escapeHtml(form.name)}">`,
    ...rows,
    `  <div aria-hidden="true" style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden">`,
    `    <label>Leave this empty <input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label>`,
    `  </div>`,
    `  <p><button type="submit">Send</button></p>`,
    `</form>`,
  ].join('\n');
}

/** A small page of its own, for answers to a plain HTML post. */
export function plainPage(title: string, paragraphs: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1e293b}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body>',
    '</html>',
  ].join('\n');
}
