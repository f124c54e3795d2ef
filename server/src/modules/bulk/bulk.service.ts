import type { RecordType } from '../../db/schema.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, invalidField, requireVersions } from '../../lib/errors.js';
import { writeCustomFields } from '../custom-fields/custom-fields.service.js';
import { notifyAssignment } from '../notifications/notify.js';
import { requireCanDelete, requireCanReassign } from '../records/permissions.js';
import { RECORD_KINDS } from '../records/registry.js';
import { addTags, assertTagsExist, removeTags } from '../records/tags.js';
import * as repo from '../records/owned.repo.js';

export const BULK_ACTIONS = [
  'assign_owner',
  'add_tag',
  'remove_tag',
  'set_custom_fields',
  'delete',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * The most records one call acts on through `filter`: enough for a team's "select all", few
 * enough that the call holds its locks for seconds, not minutes.
 */
export const MAX_MATCHING = 5000;

export interface BulkInput {
  /** The records to act on, or… */
  ids?: string[];
  /** …every record that the kind's list would show with these filters (and `q`). */
  filter?: Record<string, unknown>;
  /** The version the caller read of some of them: those must not have changed since. */
  versions?: Record<string, string>;
  action: BulkAction;
  owner_id?: string | null;
  tag_id?: string;
  custom_fields?: Record<string, unknown>;
}

/** The field each action needs; an action is refused a field it would ignore. */
/** A record's id, as a name of `versions` must be. */
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ARGUMENT: Record<BulkAction, 'owner_id' | 'tag_id' | 'custom_fields' | null> = {
  assign_owner: 'owner_id',
  add_tag: 'tag_id',
  remove_tag: 'tag_id',
  set_custom_fields: 'custom_fields',
  delete: null,
};

function checkArguments(input: BulkInput): void {
  if ((input.ids === undefined) === (input.filter === undefined))
    throw invalidField('ids', 'give either ids or filter, not both and not neither');
  if (input.versions) {
    const named = input.ids ? new Set(input.ids) : undefined;
    const keys = Object.keys(input.versions);
    if (named && keys.some((id) => !named.has(id)))
      throw invalidField('versions', 'names records that are not among ids');
    const notId = keys.find((key) => !RECORD_ID.test(key));
    if (notId !== undefined)
      throw invalidField('versions', `names ${JSON.stringify(notId)}, which is not a record's id`);
  }
  const wanted = ARGUMENT[input.action];
  for (const field of ['owner_id', 'tag_id', 'custom_fields'] as const) {
    const given = input[field] !== undefined;
    if (field === wanted && !given) throw invalidField(field, `is required by ${input.action}`);
    if (field !== wanted && given) throw invalidField(field, `is not used by ${input.action}`);
  }
}

/** The records named, all of them this organization's, or a 404 naming the others. */
async function lockNamed(tx: Tx, type: RecordType, ids: string[]): Promise<repo.LockedRecord[]> {
  const records = await repo.lockRecords(tx, type, { ids });
  if (records.length !== ids.length) {
    const found = new Set(records.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new AppError(
      'not_found',
      'not_found',
      `${missing.length} of the ${RECORD_KINDS[type].label.many} given do not exist`,
      { ids: missing },
    );
  }
  return records;
}

/** Every record the filter matches, or a refusal when they are more than one call may take. */
async function lockMatching(
  tx: Tx,
  type: RecordType,
  filters: Record<string, unknown>,
): Promise<repo.LockedRecord[]> {
  const records = await repo.lockRecords(tx, type, { filters, limit: MAX_MATCHING + 1 });
  if (records.length > MAX_MATCHING)
    throw invalidField(
      'filter',
      `matches more than ${MAX_MATCHING} ${RECORD_KINDS[type].label.many}; narrow it`,
    );
  return records;
}

/**
 * Applies one action to many records of one kind, all or nothing: a single record that is not
 * this organization's, that changed since the version the caller gave, or that the caller may
 * not delete or give another owner, refuses the whole call in the one transaction, before
 * anything changed.
 */
export function runBulkAction(
  ctx: RequestContext,
  type: RecordType,
  input: BulkInput,
): Promise<{ updated: number }> {
  checkArguments(input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const records = input.filter
      ? await lockMatching(tx, type, input.filter)
      : await lockNamed(tx, type, input.ids!);
    requireVersions(records, input.versions, RECORD_KINDS[type].label.many);
    const ids = records.map((record) => record.id);
    if (input.tag_id) await assertTagsExist(tx, [input.tag_id], 'tag_id');
    if (ids.length === 0) return { updated: 0 };
    switch (input.action) {
      case 'assign_owner': {
        const ownerId = input.owner_id ?? null;
        for (const record of records) requireCanReassign(member, record, ownerId);
        await repo.setOwner(tx, type, ids, ownerId);
        for (const record of records) {
          await notifyAssignment(tx, ctx, {
            kind: 'record_assigned',
            recordType: type,
            recordId: record.id,
            title: `${RECORD_KINDS[type].label.one} "${record.name}" was assigned to you`,
            assigneeId: ownerId,
            previousAssigneeId: record.owner_id,
          });
        }
        break;
      }
      case 'add_tag':
      case 'remove_tag': {
        const tagIds = [input.tag_id!];
        if (input.action === 'add_tag')
          await addTags(tx, { orgId: ctx.orgId, userId: ctx.userId, type, recordIds: ids }, tagIds);
        else await removeTags(tx, type, ids, tagIds);
        break;
      }
      case 'set_custom_fields':
        await writeCustomFields(tx, ctx, type, ids, input.custom_fields, { created: false });
        break;
      case 'delete':
        for (const record of records) requireCanDelete(member, record);
        await repo.deleteRecords(tx, type, ids);
        break;
    }
    return { updated: ids.length };
  });
}
