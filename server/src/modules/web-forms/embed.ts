import { FORM_FIELDS, HONEYPOT_FIELD, type FormField } from './form-fields.js';

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The HTML a site pastes into its page: a plain form that posts to the form's public address,
 * so it works without any script, on any origin, and is styled by the page around it. The
 * honeypot sits off-screen, out of the tab order and of the accessibility tree.
 */
export function embedSnippet(form: { name: string; fields: FormField[] }, action: string): string {
  const rows = form.fields.map(({ field, required }) => {
    const spec = FORM_FIELDS[field];
    const id = `rampart-${field}`;
    const attributes =
      `id="${id}" name="${field}" maxlength="${spec.maxLength}" ` +
      `autocomplete="${spec.autocomplete}"${required ? ' required' : ''}`;
    const control =
      spec.input === 'textarea'
        ? `<textarea ${attributes} rows="4"></textarea>`
        : `<input type="${spec.input}" ${attributes}>`;
    return `  <p>\n    <label for="${id}">${escapeHtml(spec.label)}${required ? ' *' : ''}</label>\n    ${control}\n  </p>`;
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
