import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { updateRecord, type OwnedRow } from '../records/owned.repo.js';

/*
 * The SQL of lead conversion beyond the records' own repositories. Every statement names the
 * organization as well as relying on its policy, and looks records up by their full key.
 */

/**
 * The account that a new account of this name would collide with: the same name whatever its
 * case, as the unique index `accounts_name_key` sees it. Found through the folded name (an
 * index condition beneath the policy), then checked against the index's own rule.
 */
export async function accountNamed(
  tx: Tx,
  orgId: string,
  name: string,
): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('accounts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name_folded', '=', sql<string>`name_fold(${name})`)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();
}

/** The contact that already has this email, as the unique index `contacts_email_key` sees it. */
export async function contactWithEmail(
  tx: Tx,
  orgId: string,
  email: string,
): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('contacts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The lead's tasks follow it to the contact it became. */
export async function moveTasks(
  tx: Tx,
  orgId: string,
  leadId: string,
  contactId: string,
): Promise<void> {
  await tx
    .updateTable('tasks')
    .set({ lead_id: null, contact_id: contactId })
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .execute();
}

export async function tagIdsOfLead(tx: Tx, orgId: string, leadId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('record_tags')
    .select('tag_id')
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .execute();
  return rows.map((row) => row.tag_id);
}

/** The lead, marked converted with links to what it became. */
export function markConverted<Row extends OwnedRow>(
  tx: Tx,
  id: string,
  links: { accountId: string; contactId: string; dealId: string | null },
): Promise<Row | undefined> {
  return updateRecord<Row>(tx, 'lead', id, {
    status: 'converted',
    converted_at: sql<Date>`now()`,
    converted_account_id: links.accountId,
    converted_contact_id: links.contactId,
    converted_deal_id: links.dealId,
  });
}
