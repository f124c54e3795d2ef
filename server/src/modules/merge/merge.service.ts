import type { RawBuilder } from 'kysely';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { ConflictError, invalidField, NotFoundError, requireVersions } from '../../lib/errors.js';
import { takeChosenValues } from '../custom-fields/custom-fields.service.js';
import * as owned from '../records/owned.repo.js';
import { requireCanDelete, requireCanReassign } from '../records/permissions.js';
import { RECORD_KINDS } from '../records/registry.js';
import * as repo from './merge.repo.js';

export type MergeKind = repo.MergeKind;

/** The kinds whose records can be merged into another. */
export const MERGE_KINDS: readonly MergeKind[] = ['lead', 'contact', 'account'];

/** At most this many records are merged into one at a time. */
export const MERGE_LIMIT = 20;

/** Every column that points at a lead, a contact or an account, kept whole by a catalog test. */
export const REFERENCES_TO = repo.REFERENCES;

/** Columns that say how a record came to be, not what it says: they stay the survivor's. */
const NOT_CHOSEN = new Set([
  'id',
  'created_at',
  'updated_at',
  'created_by',
  'converted_at',
  'converted_account_id',
  'converted_contact_id',
  'converted_deal_id',
]);

/** The fields whose value a merge may take from any of the records. */
export function mergeableFields(kind: MergeKind): string[] {
  return RECORD_KINDS[kind].columns.filter((column) => !NOT_CHOSEN.has(column));
}

export interface MergeInput {
  survivor_id: string;
  merged_ids: string[];
  /** For each field, the record whose value the survivor keeps; the survivor's own otherwise. */
  values?: Record<string, string> & { custom_fields?: Record<string, string> };
  /** The version the caller read of some of the records: those must not have changed since. */
  versions?: Record<string, string>;
}

export interface MergeResult {
  survivor_id: string;
  merged_ids: string[];
}

type Row = owned.OwnedRow & Record<string, unknown>;

/**
 * Merges records of a kind into one, in one transaction: the survivor takes the chosen values,
 * everything that pointed at the merged records points at it, the merged records are deleted
 * and their addresses lead to it. Admins may merge any records; others only records they own
 * (merging deletes, and who may delete a record is its owner or an admin). Given `versions`,
 * nothing changes when one of the records has moved on since. Merging again what was merged
 * already changes nothing.
 */
export function mergeRecords(
  ctx: RequestContext,
  kind: MergeKind,
  input: MergeInput,
): Promise<MergeResult> {
  const { survivor_id: survivorId, merged_ids: mergedIds } = input;
  const label = RECORD_KINDS[kind].label.one;
  if (mergedIds.includes(survivorId)) {
    throw invalidField('merged_ids', 'must not include survivor_id');
  }
  const ids = [survivorId, ...mergedIds];
  const { custom_fields: customChoices = {}, ...values } = input.values ?? {};
  const choices = [
    ...Object.entries(values).map(([field, from]) => [`values.${field}`, from] as const),
    ...Object.entries(customChoices).map(
      ([key, from]) => [`values.custom_fields.${key}`, from] as const,
    ),
  ];
  for (const [field, from] of choices) {
    if (!ids.includes(from)) throw invalidField(field, 'must be survivor_id or one of merged_ids');
  }
  if (Object.keys(input.versions ?? {}).some((id) => !ids.includes(id)))
    throw invalidField('versions', 'names records that are not among survivor_id and merged_ids');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    // One statement in id order: merges of overlapping records queue instead of deadlocking.
    const rows = (await owned.lockRecordRows(tx, kind, ids)) as Row[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.filter((id) => !byId.has(id));
    const survivors = await repo.survivorsOf(tx, missing);
    const survivor = byId.get(survivorId);
    if (!survivor) {
      const into = survivors.get(survivorId);
      throw new NotFoundError(label, into ? { merged_into: into } : undefined);
    }
    for (const id of missing) {
      const into = survivors.get(id);
      if (!into) throw new NotFoundError(label);
      if (into !== survivorId) {
        throw new ConflictError(`A record of merged_ids was merged into another ${label}`, {
          fields: [{ field: 'merged_ids', message: `${id} was merged into ${into}` }],
          merged_into: into,
        });
      }
    }
    const merging = mergedIds.filter((id) => byId.has(id));
    if (merging.length === 0) return { survivor_id: survivorId, merged_ids: mergedIds };
    // The values were chosen from the records as the caller saw them: a colleague's edit made
    // since must not be dropped by a choice that never saw it.
    requireVersions(rows, input.versions, RECORD_KINDS[kind].label.many);
    for (const id of merging) requireCanDelete(member, byId.get(id)!);

    const chosen: Record<string, unknown> = {};
    for (const [field, from] of Object.entries(values)) {
      const source = byId.get(from);
      if (!source) throw invalidField(`values.${field}`, 'names a record merged already');
      if (from !== survivorId) chosen[field] = source[field];
    }
    requireCanReassign(member, survivor, chosen['owner_id'] as string | null | undefined);

    await repo.moveReferences(tx, ctx.orgId, kind, survivorId, merging);
    // Before the merged records go, and their custom values with them.
    await takeChosenValues(tx, kind, survivorId, customChoices, new Set(byId.keys()));
    await repo.recordMerge(tx, ctx.orgId, kind, survivorId, merging, ctx.userId);
    // Deleted before the survivor takes their values: a contact's email is unique.
    await owned.deleteRecords(tx, kind, merging);
    if (Object.keys(chosen).length > 0) await owned.updateRecord(tx, kind, survivorId, chosen);
    else await owned.touchRecord(tx, kind, survivorId);
    await repo.auditMerge(tx, kind, survivorId, { merged_ids: merging, values });
    return { survivor_id: survivorId, merged_ids: mergedIds };
  });
}

/** The record `id` was merged into, if it was: what its address answers with. */
export async function survivorOf(tx: Tx, id: string): Promise<string | undefined> {
  return (await survivorsOf(tx, [id])).get(id);
}

/**
 * For each of `ids` that was merged into another record, the record it was merged into: one
 * statement however many there are (none for none).
 */
export function survivorsOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  return repo.survivorsOf(tx, [...ids]);
}

/** The fields that name a record of a kind whose records can be merged into another. */
const MERGED_FIELDS = new Set<string>(
  MERGE_KINDS.map((kind) => RECORD_KINDS[kind].attachmentField),
);

/**
 * The id a list's filter by `field` (`account_id`, `contact_id`, …) compares with: for a kind
 * whose records merge, the record named or the one it was merged into, so that a list by a
 * merged account shows the survivor's records, as the merged record's address leads to the
 * survivor. Worked out inside the list's own statement, which sends no other.
 */
export function followingMerge(field: string, id: string): string | RawBuilder<string> {
  return MERGED_FIELDS.has(field) ? repo.survivorOrSelf(id) : id;
}

/** The records merged into `survivorId`, whose history is read with its own. */
export function mergedInto(tx: Tx, survivorId: string): Promise<string[]> {
  return repo.mergedInto(tx, survivorId);
}
