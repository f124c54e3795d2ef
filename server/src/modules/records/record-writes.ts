import type { RecordType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { Actor } from '../../http/context.js';
import { notifyAssignment } from '../notifications/notify.js';
import { setTags } from './tags.js';

export interface OwnedRecordWrite {
  type: RecordType;
  recordId: string;
  /** Replaces the record's tags when given; left alone when undefined. */
  tagIds: string[] | undefined;
  /** How the owner's notification names the record, e.g. `Account "Acme"`. */
  label: string;
  ownerId: string | null;
  /** The owner before an update: someone who already owned the record is not told again. */
  previousOwnerId?: string | null;
}

/**
 * What follows every create or update of an owned record, in the same transaction, so that
 * creating a record directly and creating it while converting a lead behave alike.
 */
export async function afterOwnedRecordWrite(
  tx: Tx,
  actor: Actor,
  write: OwnedRecordWrite,
): Promise<void> {
  if (write.tagIds) {
    await setTags(
      tx,
      { orgId: actor.orgId, userId: actor.userId, type: write.type, recordId: write.recordId },
      write.tagIds,
    );
  }
  await notifyAssignment(tx, actor, {
    kind: 'record_assigned',
    recordType: write.type,
    recordId: write.recordId,
    title: `${write.label} was assigned to you`,
    assigneeId: write.ownerId,
    previousAssigneeId: write.previousOwnerId,
  });
}
