import { sql, type Selectable } from 'kysely';
import type { EmailSettingsTable, EmailsTable, EmailTemplatesTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import {
  runList,
  type AnyQuery,
  type ListDefinition,
  type ListPage,
  type ListParams,
} from '../../lib/list-query.js';
import { followingMerge } from '../merge/merge.service.js';
import type { AttachmentField } from '../records/attachments.js';
import { RECORD_KINDS, type RecordKind } from '../records/registry.js';

// Settings

export type SettingsRow = Selectable<EmailSettingsTable>;

export function findSettings(tx: Tx): Promise<SettingsRow | undefined> {
  return tx.selectFrom('email_settings').selectAll().executeTakeFirst();
}

export type SettingsValues = Partial<
  Pick<
    SettingsRow,
    | 'smtp_host'
    | 'smtp_port'
    | 'smtp_secure'
    | 'smtp_username'
    | 'smtp_password_sealed'
    | 'from_address'
    | 'logging_secret_version'
  >
>;

/** Writes the organization's one settings row, making it on first write. */
export async function saveSettings(
  tx: Tx,
  orgId: string,
  userId: string,
  values: SettingsValues,
): Promise<SettingsRow> {
  return tx
    .insertInto('email_settings')
    .values({ ...values, org_id: orgId, created_by: userId })
    .onConflict((conflict) => conflict.column('org_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Templates

export const TEMPLATE_COLUMNS = [
  'id',
  'name',
  'subject',
  'body',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export type TemplateRow = Pick<Selectable<EmailTemplatesTable>, (typeof TEMPLATE_COLUMNS)[number]>;
export type TemplateValues = Pick<TemplateRow, 'name' | 'subject' | 'body'>;

export function listTemplates(tx: Tx): Promise<TemplateRow[]> {
  return tx
    .selectFrom('email_templates')
    .select(TEMPLATE_COLUMNS)
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute();
}

export function findTemplate(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TemplateRow | undefined> {
  let query = tx.selectFrom('email_templates').select(TEMPLATE_COLUMNS).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function insertTemplate(
  tx: Tx,
  orgId: string,
  userId: string,
  values: TemplateValues,
): Promise<TemplateRow> {
  return tx
    .insertInto('email_templates')
    .values({ ...values, org_id: orgId, created_by: userId })
    .returning(TEMPLATE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateTemplate(
  tx: Tx,
  id: string,
  values: Partial<TemplateValues>,
): Promise<TemplateRow | undefined> {
  return tx
    .updateTable('email_templates')
    .set(values)
    .where('id', '=', id)
    .returning(TEMPLATE_COLUMNS)
    .executeTakeFirst();
}

export async function deleteTemplate(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('email_templates').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// Emails

export const EMAIL_COLUMNS = [
  'id',
  'direction',
  'status',
  'from_address',
  'to_addresses',
  'cc_addresses',
  'subject',
  'body_text',
  'message_id',
  'email_template_id',
  'error',
  'attempts',
  'occurred_at',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export type EmailRow = Pick<Selectable<EmailsTable>, (typeof EMAIL_COLUMNS)[number]>;

export type EmailValues = Pick<
  EmailRow,
  'direction' | 'status' | 'from_address' | 'to_addresses' | 'cc_addresses' | 'subject'
> & {
  body_text: string;
  message_id?: string | null;
  email_template_id?: string | null;
  occurred_at?: Date;
};

/** Stores an email; a received message already kept (same Message-ID) answers undefined. */
export async function insertEmail(
  tx: Tx,
  orgId: string,
  userId: string | null,
  values: EmailValues,
): Promise<string | undefined> {
  const row = await tx
    .insertInto('emails')
    .values({ ...values, org_id: orgId, created_by: userId })
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'message_id'])
        .where('direction', '=', 'received')
        .where('message_id', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface RecordRef {
  column: AttachmentField;
  id: string;
}

/** Links an email to records; a record linked twice keeps one link. */
export async function linkEmail(
  tx: Tx,
  orgId: string,
  emailId: string,
  records: RecordRef[],
): Promise<void> {
  const seen = new Set<string>();
  for (const record of records) {
    const key = `${record.column}:${record.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await sql`INSERT INTO email_links (org_id, email_id, ${sql.ref(record.column)})
      VALUES (${orgId}, ${emailId}, ${record.id}) ON CONFLICT DO NOTHING`.execute(tx);
  }
}

export function findEmail(tx: Tx, id: string): Promise<EmailRow | undefined> {
  return tx.selectFrom('emails').select(EMAIL_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The records an email is on. */
export async function linksOf(tx: Tx, orgId: string, emailIds: string[]) {
  if (emailIds.length === 0) return [];
  return tx
    .selectFrom('email_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email_id', 'in', emailIds)
    .execute();
}

const emailList: ListDefinition = {
  table: 'emails',
  alias: 'e',
  sorts: { occurred_at: { column: 'occurred_at' } },
  defaultSort: '-occurred_at',
};

/**
 * The emails on one record, newest first; by a record merged into another, the survivor's,
 * which its links moved to.
 */
export function listEmailsOf(
  tx: Tx,
  orgId: string,
  params: ListParams,
  record: RecordRef,
): Promise<ListPage<EmailRow>> {
  return runList<EmailRow>(tx, emailList, params, {
    select: (query: AnyQuery) => query.select(EMAIL_COLUMNS.map((c) => `e.${c}` as const)),
    filter: (query: AnyQuery) =>
      query.where(sql.ref('e.org_id'), '=', orgId).where(
        sql<boolean>`e.id = ANY (ARRAY(
          SELECT k.email_id FROM email_links k
          WHERE k.org_id = ${orgId}
            AND ${sql.ref(`k.${record.column}`)} = ${followingMerge(record.column, record.id)}))`,
      ),
  });
}

/** A queued email as its job reads it, or undefined once it is no longer queued. */
export function findQueued(tx: Tx, id: string): Promise<EmailRow | undefined> {
  return tx
    .selectFrom('emails')
    .select(EMAIL_COLUMNS)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
}

export async function markAttempt(
  tx: Tx,
  id: string,
  outcome: { status: 'queued' | 'sent' | 'failed'; error: string | null; messageId?: string },
): Promise<void> {
  await tx
    .updateTable('emails')
    .set((eb) => ({
      status: outcome.status,
      error: outcome.error?.slice(0, 2000) ?? null,
      attempts: eb('attempts', '+', 1),
      ...(outcome.messageId && { message_id: outcome.messageId }),
      ...(outcome.status === 'sent' && { occurred_at: new Date() }),
    }))
    .where('id', '=', id)
    .execute();
}

// The people and records an email concerns

export interface Person {
  kind: 'lead' | 'contact';
  id: string;
  email: string;
  do_not_contact: boolean;
}

/**
 * The leads and contacts of this organization with one of these addresses. Both kinds store
 * their address in lower case, so the lower-cased addresses match through the index on it.
 */
export async function peopleWithAddresses(
  tx: Tx,
  orgId: string,
  addresses: string[],
): Promise<Person[]> {
  if (addresses.length === 0) return [];
  const [leads, contacts] = await Promise.all([
    tx
      .selectFrom('leads')
      .select(['id', 'email', 'do_not_contact'])
      .where('org_id', '=', orgId)
      .where('email', 'in', addresses)
      .limit(200)
      .execute(),
    tx
      .selectFrom('contacts')
      .select(['id', 'email', 'do_not_contact'])
      .where('org_id', '=', orgId)
      .where('email', 'in', addresses)
      .limit(200)
      .execute(),
  ]);
  return [
    ...leads.map((row) => ({ kind: 'lead' as const, ...row, email: row.email! })),
    ...contacts.map((row) => ({ kind: 'contact' as const, ...row, email: row.email! })),
  ];
}

/** One record's row, with every column: what its merge fields are made of. */
export function recordRow(
  tx: Tx,
  kind: RecordKind,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  return tx
    .selectFrom(RECORD_KINDS[kind].table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Record<string, unknown> | undefined>;
}

export function userOf(tx: Tx, userId: string) {
  return tx
    .selectFrom('users')
    .select(['name', 'email'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}
