import { randomUUID } from 'node:crypto';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import {
  AppError,
  ConflictError,
  invalidField,
  NotFoundError,
  referenceNotFound,
} from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { enqueueJob } from '../../jobs/queue.js';
import { customFieldsOf } from '../custom-fields/custom-fields.service.js';
import { attachmentColumns, type AttachmentInput } from '../records/attachments.js';
import { RECORD_KIND_LIST, type RecordKind } from '../records/registry.js';
import * as repo from './emails.repo.js';
import { transportOf } from './email-settings.service.js';
import { renderEmail, type MergeValues } from './merge-fields.js';

/** A record an email is on. */
export interface EmailLink {
  record_type: RecordKind;
  record_id: string;
}

export type Email = repo.EmailRow & { links: EmailLink[] };

/** The fields of each kind a template may name, besides its custom fields (`cf.<key>`). */
const MERGE_FIELDS: Record<RecordKind, readonly string[]> = {
  lead: ['first_name', 'last_name', 'email', 'phone', 'company', 'job_title', 'website'],
  account: ['name', 'website', 'domain', 'industry', 'phone', 'email'],
  contact: ['first_name', 'last_name', 'email', 'phone', 'mobile', 'job_title', 'department'],
  deal: ['name', 'amount', 'currency'],
};

interface RecordTarget {
  kind: RecordKind;
  ref: repo.RecordRef;
}

/** The one record the input names (422 when none or several). */
function targetOf(input: AttachmentInput): RecordTarget {
  const columns = attachmentColumns(input, { required: true });
  const kind = RECORD_KIND_LIST.find((k) => columns[k.attachmentField] !== null)!;
  return {
    kind: kind.kind,
    ref: { column: kind.attachmentField, id: columns[kind.attachmentField]! },
  };
}

/** A record's merge values, and those of the account and contact it points to. */
async function kindValues(
  tx: Tx,
  kind: RecordKind,
  row: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const own = Object.fromEntries(MERGE_FIELDS[kind].map((field) => [field, row[field] ?? null]));
  const custom = (await customFieldsOf(tx, kind, [row['id'] as string])).get(row['id'] as string);
  return { ...own, cf: custom ?? {} };
}

interface Prepared {
  values: MergeValues;
  /** Where the email goes when the sender names no address: the record's own. */
  address: string | null;
  /** The person the record is, when it is a lead or a contact. */
  doNotContact: boolean;
}

async function prepare(tx: Tx, ctx: RequestContext, target: RecordTarget): Promise<Prepared> {
  const row = await repo.recordRow(tx, target.kind, target.ref.id);
  if (!row) throw referenceNotFound(target.ref.column);
  const me = await repo.userOf(tx, ctx.userId);
  const values: MergeValues = { me: { name: me.name, email: me.email } };
  values[target.kind] = await kindValues(tx, target.kind, row);
  const related: Array<[RecordKind, unknown]> = [
    ['account', row['account_id']],
    ['contact', row['primary_contact_id']],
  ];
  for (const [kind, id] of related) {
    if (typeof id !== 'string' || values[kind]) continue;
    const other = await repo.recordRow(tx, kind, id);
    if (other) values[kind] = await kindValues(tx, kind, other);
  }
  const address =
    (target.kind === 'deal' ? (values['contact']?.['email'] as string | null) : null) ??
    (typeof row['email'] === 'string' ? row['email'] : null);
  return { values, address, doNotContact: row['do_not_contact'] === true };
}

export interface Draft extends AttachmentInput {
  to?: string;
  subject: string;
  body: string;
  email_template_id?: string | null;
}

export interface Preview {
  to: string | null;
  subject: string;
  body: string;
}

export function previewEmail(ctx: RequestContext, draft: Draft): Promise<Preview> {
  const target = targetOf(draft);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const prepared = await prepare(tx, ctx, target);
    return { to: draft.to ?? prepared.address, ...renderEmail(draft, prepared.values) };
  });
}

function doNotContact(message: string): AppError {
  return new AppError('invalid', 'do_not_contact', message, {
    fields: [{ field: 'to', message }],
  });
}

/**
 * Stores the email `queued`, on the record it was written on and every lead and contact with
 * the address it goes to, and enqueues its delivery in the same transaction. A person who asked
 * not to be contacted (the record, or anyone with that address) is never sent to.
 */
export function sendEmail(ctx: RequestContext, draft: Draft): Promise<Email> {
  const target = targetOf(draft);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const prepared = await prepare(tx, ctx, target);
    const to = (draft.to ?? prepared.address)?.trim().toLowerCase();
    if (!to) throw invalidField('to', 'the record has no email address: give one');
    if (prepared.doNotContact)
      throw doNotContact('This person asked not to be contacted (do not contact)');
    const people = await repo.peopleWithAddresses(tx, ctx.orgId, [to]);
    if (people.some((person) => person.do_not_contact))
      throw doNotContact(`${to} belongs to someone who asked not to be contacted`);
    const transport = await transportOf(ctx.deps, tx);
    if (!transport.smtp && !ctx.deps.mailer.configured)
      throw new ConflictError(
        'No mail server: an admin sets one in Settings › Email (or the instance sets SMTP_URL)',
      );
    if (draft.email_template_id && !(await repo.findTemplate(tx, draft.email_template_id)))
      throw referenceNotFound('email_template_id');
    const { subject, body } = renderEmail(draft, prepared.values);
    const domain = new URL(ctx.deps.config.publicUrl).hostname;
    const id = (await repo.insertEmail(tx, ctx.orgId, ctx.userId, {
      direction: 'sent',
      status: 'queued',
      from_address: transport.from,
      to_addresses: [to],
      cc_addresses: [],
      subject,
      body_text: body,
      email_template_id: draft.email_template_id ?? null,
      message_id: `<${randomUUID()}@${domain}>`,
    }))!;
    await repo.linkEmail(tx, ctx.orgId, id, [
      target.ref,
      ...people.map((person) => ({ column: `${person.kind}_id` as const, id: person.id })),
    ]);
    await enqueueJob(tx, 'emails__send', { org_id: ctx.orgId, email_id: id }, { maxAttempts: 8 });
    return withLinks(tx, ctx.orgId, (await repo.findEmail(tx, id))!);
  });
}

async function withLinks(tx: Tx, orgId: string, email: repo.EmailRow): Promise<Email> {
  return (await allWithLinks(tx, orgId, [email]))[0]!;
}

async function allWithLinks(tx: Tx, orgId: string, emails: repo.EmailRow[]): Promise<Email[]> {
  const links = await repo.linksOf(
    tx,
    orgId,
    emails.map((email) => email.id),
  );
  return emails.map((email) => ({
    ...email,
    links: links
      .filter((link) => link.email_id === email.id)
      .flatMap((link) =>
        RECORD_KIND_LIST.flatMap((kind) => {
          const id = (link as Record<string, unknown>)[kind.attachmentField];
          return typeof id === 'string' ? [{ record_type: kind.kind, record_id: id }] : [];
        }),
      ),
  }));
}

export function listEmails(
  ctx: RequestContext,
  params: ListParams,
  record: AttachmentInput,
): Promise<ListPage<Email>> {
  const columns = attachmentColumns(record, { required: true, problem: 'malformed' });
  const kind = RECORD_KIND_LIST.find((k) => columns[k.attachmentField] !== null)!;
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listEmailsOf(tx, ctx.orgId, params, {
      column: kind.attachmentField,
      id: columns[kind.attachmentField]!,
    });
    return { ...page, data: await allWithLinks(tx, ctx.orgId, page.data) };
  });
}

export function getEmail(ctx: RequestContext, id: string): Promise<Email> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const email = await repo.findEmail(tx, id);
    if (!email) throw new NotFoundError('Email');
    return withLinks(tx, ctx.orgId, email);
  });
}
