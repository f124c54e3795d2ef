import { sql, type Selectable } from 'kysely';
import type { SampleDataSetsTable } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { SampleRecords, Stage } from './sample-data.generator.js';

export type SampleIds = Pick<
  Selectable<SampleDataSetsTable>,
  'tag_ids' | 'account_ids' | 'contact_ids' | 'lead_ids' | 'deal_ids' | 'task_ids' | 'note_ids'
>;

const ID_COLUMNS = [
  'tag_ids',
  'account_ids',
  'contact_ids',
  'lead_ids',
  'deal_ids',
  'task_ids',
  'note_ids',
] as const satisfies ReadonlyArray<keyof SampleIds>;

/** The stages of the default pipeline, in board order. */
export function defaultPipelineStages(tx: Tx): Promise<Stage[]> {
  return tx
    .selectFrom('pipeline_stages as s')
    .innerJoin('pipelines as p', 'p.id', 's.pipeline_id')
    .select(['s.id', 's.pipeline_id', 's.probability', 's.kind'])
    .where('p.is_default', '=', true)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
}

/** What of the sample's unique values the organization already uses. */
export async function findTaken(
  tx: Tx,
  sample: { accountNames: string[]; contactEmails: string[]; tagNames: string[] },
): Promise<{ accountNames: Set<string>; contactEmails: Set<string>; tags: Map<string, string> }> {
  const lower = (names: string[]) => names.map((name) => name.toLowerCase());
  const [accounts, contacts, tags] = await Promise.all([
    tx
      .selectFrom('accounts')
      .select(sql<string>`lower(name)`.as('name'))
      .where(sql`lower(name)`, 'in', lower(sample.accountNames))
      .execute(),
    tx.selectFrom('contacts').select('email').where('email', 'in', sample.contactEmails).execute(),
    tx
      .selectFrom('tags')
      .select(['id', sql<string>`lower(name)`.as('name')])
      .where(sql`lower(name)`, 'in', lower(sample.tagNames))
      .execute(),
  ]);
  return {
    accountNames: new Set(accounts.map((a) => a.name)),
    contactEmails: new Set(contacts.map((c) => c.email!)),
    tags: new Map(tags.map((t) => [t.name, t.id])),
  };
}

export function findSampleSet(tx: Tx): Promise<SampleIds | undefined> {
  return tx.selectFrom('sample_data_sets').select(ID_COLUMNS).executeTakeFirst();
}

/**
 * Records the ids of a sample about to be loaded. False when the organization already has
 * one: the unique key on org_id makes a concurrent second load wait, then find it.
 */
export async function claimSampleSet(
  tx: Tx,
  member: { orgId: string; userId: string },
  ids: SampleIds,
): Promise<boolean> {
  const row = await tx
    .insertInto('sample_data_sets')
    .values({ org_id: member.orgId, created_by: member.userId, ...ids })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets the organization's sample set and answers its ids, or undefined if there was none. */
export function takeSampleSet(tx: Tx): Promise<SampleIds | undefined> {
  return tx.deleteFrom('sample_data_sets').returning(ID_COLUMNS).executeTakeFirst();
}

export async function insertSampleRecords(tx: Tx, records: SampleRecords): Promise<void> {
  // In the order of their foreign keys; one statement per table keeps a load to a few round trips.
  const inserts = [
    ['tags', records.tags],
    ['accounts', records.accounts],
    ['contacts', records.contacts],
    ['leads', records.leads],
    ['deals', records.deals],
    ['deal_contacts', records.dealContacts],
    ['deal_stage_history', records.stageHistory],
    ['tasks', records.tasks],
    ['notes', records.notes],
    ['record_tags', records.recordTags],
  ] as const;
  for (const [table, rows] of inserts) {
    if (rows.length > 0)
      await tx
        .insertInto(table)
        .values(rows as never)
        .execute();
  }
}

/**
 * Deletes the sample records. A task someone added to a sample record is theirs: it loses the
 * link and stays. Notes written on a sample record cannot exist without it and go with it.
 */
export async function deleteSampleRecords(tx: Tx, ids: SampleIds): Promise<void> {
  const attachments = [
    ['lead_id', ids.lead_ids],
    ['account_id', ids.account_ids],
    ['contact_id', ids.contact_ids],
    ['deal_id', ids.deal_ids],
  ] as const;
  for (const [column, recordIds] of attachments) {
    if (recordIds.length === 0) continue;
    let detach = tx
      .updateTable('tasks')
      .set({ [column]: null })
      .where(column, 'in', recordIds);
    if (ids.task_ids.length > 0) detach = detach.where('id', 'not in', ids.task_ids);
    await detach.execute();
  }
  const deletions = [
    ['tasks', ids.task_ids],
    ['notes', ids.note_ids],
    ['deals', ids.deal_ids],
    ['leads', ids.lead_ids],
    ['contacts', ids.contact_ids],
    ['accounts', ids.account_ids],
    ['tags', ids.tag_ids],
  ] as const;
  for (const [table, recordIds] of deletions) {
    if (recordIds.length > 0) await tx.deleteFrom(table).where('id', 'in', recordIds).execute();
  }
}
