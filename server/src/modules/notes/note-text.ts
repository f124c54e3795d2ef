import MarkdownIt, { type StateInline } from 'markdown-it';

/**
 * A note is Markdown. It is rendered here, once, for every client: the web app and any
 * integrator get the same HTML, and it is safe by construction rather than by cleaning up after
 * a permissive renderer. Raw HTML is off (`<script>` stays text), links go through
 * markdown-it's own check (no `javascript:`, `vbscript:`, `file:` or non-image `data:`
 * addresses), and every link opens apart from the app (`rel="noopener noreferrer"`).
 *
 * A mention is kept in the text as `@[Name](member:<user id>)`: the person who writes it sees
 * what is stored, the id stays stable when the member is renamed, and it renders as the member's
 * current name.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MENTION = new RegExp(`@\\[([^\\]\\n]{0,200})\\]\\(member:(${UUID})\\)`, 'g');
const MENTION_AT_START = new RegExp(`^@\\[([^\\]\\n]{0,200})\\]\\(member:(${UUID})\\)`);

/** The ids of the members a note mentions, each once, in the order they first appear. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[2]!))];
}

/** The names to show for mentioned members: the current name, or the written one when absent. */
export type MentionNames = ReadonlyMap<string, string>;

interface RenderEnv {
  names: MentionNames;
}

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const match = MENTION_AT_START.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.meta = { id: match[2]!, written: match[1]! };
  }
  state.pos += match[0].length;
  return true;
}

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });
markdown.inline.ruler.before('link', 'mention', mentionRule);
markdown.renderer.rules['mention'] = (tokens, index, _options, env) => {
  const { id, written } = tokens[index]!.meta as { id: string; written: string };
  const name = (env as unknown as RenderEnv).names.get(id) ?? written;
  return `<span class="mention" data-member-id="${id}">@${markdown.utils.escapeHtml(name)}</span>`;
};
const renderLinkOpen =
  markdown.renderer.rules['link_open'] ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules['link_open'] = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet('rel', 'noopener noreferrer');
  tokens[index]!.attrSet('target', '_blank');
  return renderLinkOpen(tokens, index, options, env, self);
};

/** The note's HTML: safe to insert into a page as it is. */
export function renderNote(body: string, names: MentionNames): string {
  return markdown.render(body, { names } satisfies RenderEnv);
}
