import { randomUUID } from 'node:crypto';
import { withContext, withTenant, type Tx } from '../../db/tenant.js';
import type { AppDeps, RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { derivedScopedToken, parseScopedToken } from '../../lib/scoped-tokens.js';
import type { PublicContext } from '../auth/auth.service.js';
import {
  activeFields,
  everyField,
  type CustomField,
} from '../custom-fields/custom-fields.service.js';
import { leads } from '../leads/leads.service.js';
import { requireAdmin } from '../members/permissions.js';
import { embedSnippet } from './embed.js';
import {
  checkCustomFields,
  HONEYPOT_FIELD,
  type BuiltInFormField,
  isCustom,
  normalizeFields,
  readSubmission,
} from './form-fields.js';
import * as repo from './web-forms.repo.js';

/** A custom field on a form as an admin reads it: with its label, and whether it is archived. */
export interface ShownCustomFormField {
  custom_field: string;
  required: boolean;
  label: string;
  archived: boolean;
}

export interface WebForm extends Omit<
  repo.WebFormRow,
  'secret_version' | 'last_assigned_user_id' | 'fields'
> {
  fields: Array<BuiltInFormField | ShownCustomFormField>;
  /** Where the form posts: its public address, with the secret. */
  endpoint: string;
  embed_html: string;
}

export type WebFormInput = Omit<repo.WebFormValues, 'fields'> & { fields?: repo.FormField[] };

/** What a visitor is answered once a submission is in. */
export interface SubmissionOutcome {
  form_name: string;
  thank_you_message: string;
  redirect_url: string | null;
}

const notFound = () => new NotFoundError('Form');

/**
 * A form's secret: made again from the form, its rotation count and the server's key whenever an
 * admin reads the form, so it is never stored; only its hash is, for the public lookup.
 */
export function formSecret(
  config: { jwtSecret: string },
  orgId: string,
  form: { id: string; secret_version: number },
) {
  return derivedScopedToken(
    orgId,
    config.jwtSecret,
    'web-form',
    `${form.id}:${form.secret_version}`,
  );
}

/** `defined`: every custom field of every kind, archived too (`everyField`). */
function present(
  deps: AppDeps,
  orgId: string,
  row: repo.WebFormRow,
  defined: readonly CustomField[],
): WebForm {
  const { secret_version: _version, last_assigned_user_id: _last, ...form } = row;
  const endpoint = `${deps.config.publicUrl}/api/public/forms/${formSecret(deps.config, orgId, row).token}`;
  const leadFields = defined.filter((field) => field.record_type === 'lead');
  const fields = row.fields.map((entry) => {
    if (!isCustom(entry)) return entry;
    const field = leadFields.find((f) => f.key === entry.custom_field);
    // Fields are archived, never deleted: one missing is shown as archived all the same.
    const archived = !field || field.archived_at !== null;
    return { ...entry, label: field?.label ?? entry.custom_field, archived };
  });
  const active = leadFields.filter((field) => !field.archived_at);
  return { ...form, fields, endpoint, embed_html: embedSnippet(row, endpoint, active) };
}

/**
 * The form's redirect as the Location header sends it: ASCII only, so a path or query in any
 * script goes percent-encoded and a host in punycode, as a browser would send it. Null for an
 * address a browser could not follow (one that does not parse, or holds control characters).
 */
export function redirectAddress(written: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(written)) return null;
  try {
    const url = new URL(written);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function normalize(input: WebFormInput): repo.WebFormValues {
  const values: repo.WebFormValues = { ...input };
  if (input.name !== undefined) {
    values.name = input.name.trim();
    if (!values.name) throw invalidField('name', 'must not be blank');
  }
  if (input.fields) values.fields = normalizeFields(input.fields);
  if (input.thank_you_message !== undefined)
    values.thank_you_message = input.thank_you_message.trim();
  if (input.redirect_url && !redirectAddress(input.redirect_url))
    throw invalidField('redirect_url', 'must be an http or https address a browser can follow');
  // One owner or one team: naming one clears the other.
  if (input.owner_id && input.team_id)
    throw invalidField('team_id', 'cannot be given with owner_id: leads go to one or the other');
  if (input.owner_id) values.team_id = null;
  if (input.team_id) values.owner_id = null;
  return values;
}

export function listForms(ctx: RequestContext): Promise<WebForm[]> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const defined = await everyField(tx);
    return (await repo.listForms(tx)).map((row) => present(ctx.deps, ctx.orgId, row, defined));
  });
}

export function getForm(ctx: RequestContext, id: string): Promise<WebForm> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const row = await repo.findForm(tx, id);
    if (!row) throw notFound();
    requireAdmin(member);
    return present(ctx.deps, ctx.orgId, row, await everyField(tx));
  });
}

export function createForm(
  ctx: RequestContext,
  input: WebFormInput & { name: string; fields: repo.FormField[] },
): Promise<WebForm> {
  const values = normalize(input);
  const id = randomUUID();
  const secret = formSecret(ctx.deps.config, ctx.orgId, { id, secret_version: 1 });
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const defined = await everyField(tx);
    checkCustomFields(input.fields, defined);
    const row = await repo.insertForm(tx, {
      ...values,
      name: values.name!,
      fields: values.fields!,
      id,
      orgId: ctx.orgId,
      createdBy: ctx.userId,
      secretHash: secret.hash,
    });
    return present(ctx.deps, ctx.orgId, row, defined);
  });
}

/** Locks the form (404 when missing), then checks the caller is an admin. */
async function lockedForm(tx: Tx, member: Parameters<typeof requireAdmin>[0], id: string) {
  const row = await repo.findForm(tx, id, { lock: true });
  if (!row) throw notFound();
  requireAdmin(member);
  return row;
}

export function updateForm(ctx: RequestContext, id: string, input: WebFormInput): Promise<WebForm> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const before = await lockedForm(tx, member, id);
    const defined = await everyField(tx);
    if (input.fields) checkCustomFields(input.fields, defined, before.fields);
    return present(ctx.deps, ctx.orgId, (await repo.updateForm(tx, id, values))!, defined);
  });
}

/** A new secret: the old address and every snippet that holds it stop working at once. */
export function rotateSecret(ctx: RequestContext, id: string): Promise<WebForm> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const before = await lockedForm(tx, member, id);
    const version = before.secret_version + 1;
    const secret = formSecret(ctx.deps.config, ctx.orgId, { id, secret_version: version });
    const row = await repo.updateForm(tx, id, {
      secret_version: version,
      secret_hash: secret.hash,
    });
    return present(ctx.deps, ctx.orgId, row!, await everyField(tx));
  });
}

export function deleteForm(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    await lockedForm(tx, member, id);
    await repo.deleteForm(tx, id);
  });
}

/** Who gets the next lead: the form's member, or the team's next member after the last one. */
async function nextOwner(tx: Tx, form: repo.WebFormRow): Promise<string | null> {
  if (!form.team_id) return form.owner_id;
  const turns = await repo.teamMembersInTurn(tx, form.team_id);
  if (turns.length === 0) return null;
  const last = form.last_assigned_user_id ? turns.indexOf(form.last_assigned_user_id) : -1;
  return turns[(last + 1) % turns.length]!;
}

/**
 * A visitor's submission. The organization is the one the address's token names, and the form
 * is found there by the hash of the token's secret: a token made up for another organization
 * finds nothing, and nothing in the body is read but the form's own fields. A filled honeypot
 * is answered like a success and stores nothing.
 */
export async function submitForm(
  ctx: PublicContext,
  token: string,
  body: Record<string, unknown>,
): Promise<SubmissionOutcome> {
  const parsed = parseScopedToken(token);
  if (!parsed) throw notFound();
  const orgId = parsed.scopeId;
  return withContext(ctx.deps.db, { orgId, userId: null }, async (tx) => {
    const form = await repo.findActiveFormBySecret(tx, parsed.hash);
    if (!form) throw notFound();
    const outcome = {
      form_name: form.name,
      thank_you_message: form.thank_you_message,
      redirect_url: form.redirect_url,
    };
    const honeypot = body[HONEYPOT_FIELD];
    if (honeypot !== undefined && honeypot !== '') return outcome;
    const { values, customFields } = readSubmission(
      form.fields,
      await activeFields(tx, 'lead'),
      body,
    );
    const ownerId = await nextOwner(tx, form);
    const lead = {
      ...values,
      ...(values.email && { email: values.email.toLowerCase() }),
      source: 'web' as const,
      owner_id: ownerId,
    };
    await leads.insert(tx, { orgId, userId: null }, { values: lead, customFields });
    await repo.recordSubmission(tx, form.id, form.team_id ? ownerId : null);
    return outcome;
  });
}
