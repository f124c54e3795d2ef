import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { FormField } from './form-fields.js';

export type { FormField };

export interface WebFormRow {
  id: string;
  name: string;
  fields: FormField[];
  thank_you_message: string;
  redirect_url: string | null;
  owner_id: string | null;
  team_id: string | null;
  last_assigned_user_id: string | null;
  active: boolean;
  secret_version: number;
  submission_count: number;
  last_submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface WebFormValues {
  name?: string;
  fields?: FormField[];
  thank_you_message?: string;
  redirect_url?: string | null;
  owner_id?: string | null;
  team_id?: string | null;
  active?: boolean;
}

const COLUMNS = [
  'id',
  'name',
  'fields',
  'thank_you_message',
  'redirect_url',
  'owner_id',
  'team_id',
  'last_assigned_user_id',
  'active',
  'secret_version',
  'submission_count',
  'last_submitted_at',
  'created_at',
  'updated_at',
] as const;

function stored(values: WebFormValues) {
  const { fields, ...rest } = values;
  return { ...rest, ...(fields && { fields: JSON.stringify(fields) }) };
}

export function listForms(tx: Tx): Promise<WebFormRow[]> {
  return tx
    .selectFrom('web_forms')
    .select(COLUMNS)
    .orderBy('created_at')
    .orderBy('id')
    .execute() as Promise<WebFormRow[]>;
}

export function findForm(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<WebFormRow | undefined> {
  const query = tx.selectFrom('web_forms').select(COLUMNS).where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst() as Promise<
    WebFormRow | undefined
  >;
}

/**
 * The active form a secret's hash belongs to, locked: submissions to one form take their turn,
 * so the round-robin hands each lead to the next member exactly once.
 */
export function findActiveFormBySecret(tx: Tx, hash: Buffer): Promise<WebFormRow | undefined> {
  return tx
    .selectFrom('web_forms')
    .select(COLUMNS)
    .where('secret_hash', '=', hash)
    .where('active', '=', true)
    .forUpdate()
    .executeTakeFirst() as Promise<WebFormRow | undefined>;
}

export function insertForm(
  tx: Tx,
  form: { id: string; orgId: string; createdBy: string; secretHash: Buffer } & WebFormValues & {
      name: string;
      fields: FormField[];
    },
): Promise<WebFormRow> {
  const { id, orgId, createdBy, secretHash, name, fields, ...values } = form;
  return tx
    .insertInto('web_forms')
    .values({
      ...values,
      name,
      fields: JSON.stringify(fields),
      id,
      org_id: orgId,
      created_by: createdBy,
      secret_hash: secretHash,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow() as Promise<WebFormRow>;
}

export function updateForm(
  tx: Tx,
  id: string,
  values: WebFormValues & { secret_version?: number; secret_hash?: Buffer },
): Promise<WebFormRow | undefined> {
  return tx
    .updateTable('web_forms')
    .set(stored(values))
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst() as Promise<WebFormRow | undefined>;
}

export async function deleteForm(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('web_forms').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function recordSubmission(
  tx: Tx,
  id: string,
  assignedUserId: string | null,
): Promise<void> {
  await tx
    .updateTable('web_forms')
    .set({
      submission_count: sql`submission_count + 1`,
      last_submitted_at: new Date(),
      ...(assignedUserId && { last_assigned_user_id: assignedUserId }),
    })
    .where('id', '=', id)
    .execute();
}

/** The team's members in a fixed order: the order their turns come in. */
export async function teamMembersInTurn(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
  return rows.map((row) => row.user_id);
}
