import { withTenant, type Tx } from '../../db/tenant.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { NotFoundError, requireVersion } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { survivorOf } from '../merge/merge.service.js';
import * as repo from './owned.repo.js';
import { requireCanDelete, requireCanReassign } from './permissions.js';
import { afterOwnedRecordWrite } from './record-writes.js';
import { RECORD_KINDS, type RecordKind } from './registry.js';
import { tagsOfPage, tagsOfRows, type TagRef } from './tags.js';
import {
  activeFields,
  customFieldsFrom,
  customFieldsOf,
  writeCustomFields,
  type CustomFieldValues,
} from '../custom-fields/custom-fields.service.js';

/**
 * The one path of an owned record (a lead, an account, a contact, a deal): read, list, create,
 * update and delete, with the sequence every write follows. A kind gives what is its own: how
 * a notification names a record and what the API shows for a row.
 */
export interface OwnedKind<Row extends repo.OwnedRow, Out> {
  kind: RecordKind;
  /** What a person calls the record, e.g. `Ada Lovelace` in `Lead "Ada Lovelace"`. */
  name: (row: Row) => string;
  /** What the API returns for rows read or written, in the order given. */
  present: (tx: Tx, rows: Row[]) => Promise<Out[]>;
}

/** A write to an owned record: column values, and the tags that replace its tags when given. */
export interface OwnedWrite {
  values: { owner_id?: string | null } & object;
  tagIds?: string[];
  /** Custom field values by key: only the fields named change. */
  customFields?: Record<string, unknown>;
  /** The versions the write may apply to (`If-Match`); undefined: any. */
  ifMatch?: readonly string[];
}

/** A person's name as people read it: first name (when there is one) and last name. */
export function fullName(person: { first_name: string; last_name: string }): string {
  return [person.first_name, person.last_name].filter(Boolean).join(' ');
}

/** The rows with their tags, turned into what the API shows by `show`. */
export function withTagsOf<Row extends repo.OwnedRow, Out>(
  kind: RecordKind,
  show: (row: Row, tags: TagRef[]) => Out,
): (tx: Tx, rows: Row[]) => Promise<Out[]> {
  return async (tx, rows) => {
    const tags = await tagsOfRows(tx, kind, rows);
    return rows.map((row) => show(row, tags.get(row.id) ?? []));
  };
}

/** What the API shows of every owned record beside what its kind shows. */
export type WithCustomFields<Out> = Out & { custom_fields: CustomFieldValues };

export function ownedRecords<Row extends repo.OwnedRow, Out>(spec: OwnedKind<Row, Out>) {
  const { kind } = spec;
  /** 404; for a record merged into another, naming it in `details.merged_into`. */
  async function notFound(tx: Tx, id: string): Promise<NotFoundError> {
    const into = await survivorOf(tx, id);
    return new NotFoundError(
      RECORD_KINDS[kind].label.one,
      into ? { merged_into: into } : undefined,
    );
  }
  /** The kind's presentation of the rows, with their custom fields. */
  async function present(tx: Tx, rows: Row[]): Promise<Array<WithCustomFields<Out>>> {
    const shown = await spec.present(tx, rows);
    const custom = await customFieldsOf(
      tx,
      kind,
      rows.map((row) => row.id),
    );
    return shown.map((out, index) => ({ ...out, custom_fields: custom.get(rows[index]!.id)! }));
  }
  const one = async (tx: Tx, row: Row) => (await present(tx, [row]))[0]!;

  /** The record, or 404 (`notFound`): another organization's record is not there either. */
  async function find(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<Row> {
    const row = await repo.findRecord<Row>(tx, kind, id, options);
    if (!row) throw await notFound(tx, id);
    return row;
  }

  /**
   * Custom fields, tags and the new owner's notification, in the transaction of the write.
   * `before` is the record before an update; without it the record was just created, and
   * takes the defaults of its custom fields.
   */
  async function afterWrite(
    tx: Tx,
    actor: Actor,
    row: Row,
    write: Pick<OwnedWrite, 'tagIds' | 'customFields'>,
    before?: Row,
  ): Promise<void> {
    await writeCustomFields(tx, actor, kind, [row.id], write.customFields, {
      created: before === undefined,
    });
    const previousOwnerId = before?.owner_id;
    return afterOwnedRecordWrite(tx, actor, {
      type: kind,
      recordId: row.id,
      tagIds: write.tagIds,
      label: `${RECORD_KINDS[kind].label.one} "${spec.name(row)}"`,
      ownerId: row.owner_id,
      previousOwnerId,
    });
  }

  /**
   * Creates a record inside the caller's transaction, owned by the caller unless the values
   * say otherwise: the one way to create one, also used when a lead is converted.
   */
  async function insert(tx: Tx, actor: Actor, write: OwnedWrite): Promise<WithCustomFields<Out>> {
    const row = await repo.insertRecord<Row>(tx, kind, actor, {
      ...write.values,
      owner_id: write.values.owner_id === undefined ? actor.userId : write.values.owner_id,
    });
    await afterWrite(tx, actor, row, write);
    return one(tx, row);
  }

  return {
    find,
    afterWrite,
    insert,
    present: one,
    presentAll: present,

    list(
      ctx: RequestContext,
      params: ListParams,
      filters: object,
    ): Promise<ListPage<WithCustomFields<Out>>> {
      return withTenant(ctx.deps.db, ctx, async (tx) => {
        // The kind's fields (kept per version of the definitions, so mostly not read): the
        // page reads its values in its own statement.
        const fields = await activeFields(tx, kind);
        const page = await repo.listRecords<Row>(
          tx,
          kind,
          params,
          filters as Record<string, unknown>,
          fields,
          [tagsOfPage(tx, kind)],
        );
        const rows = page.data.map(({ custom_values: _values, ...row }) => row as unknown as Row);
        const shown = await spec.present(tx, rows);
        return {
          ...page,
          data: shown.map((out, index) => ({
            ...out,
            custom_fields: customFieldsFrom(fields, page.data[index]!.custom_values),
          })),
        };
      });
    },

    /** The record; a record merged into another is 404 naming it in `details.merged_into`. */
    get(ctx: RequestContext, id: string): Promise<WithCustomFields<Out>> {
      return withTenant(ctx.deps.db, ctx, async (tx) => {
        const row = await repo.findRecord<Row>(tx, kind, id);
        if (row) return one(tx, row);
        throw await notFound(tx, id);
      });
    },

    create(ctx: RequestContext, write: OwnedWrite): Promise<WithCustomFields<Out>> {
      return withTenant(ctx.deps.db, ctx, (tx) => insert(tx, ctx, write));
    },

    /**
     * Locks the record (404 when missing), refuses a new owner the caller may not give it,
     * writes the values (or what `steps.write` makes of them), then runs `steps.after` and the
     * after-write of every owned record.
     */
    update(
      ctx: RequestContext,
      id: string,
      write: OwnedWrite,
      steps: {
        write?: (tx: Tx, before: Row) => Promise<Row>;
        after?: (tx: Tx, row: Row) => Promise<void>;
      } = {},
    ): Promise<WithCustomFields<Out>> {
      return withTenant(ctx.deps.db, ctx, async (tx, member) => {
        const before = await find(tx, id, { lock: true });
        await requireVersion(write.ifMatch, before, () => one(tx, before));
        requireCanReassign(member, before, write.values.owner_id);
        const written = steps.write
          ? await steps.write(tx, before)
          : Object.keys(write.values).length > 0
            ? (await repo.updateRecord<Row>(tx, kind, id, write.values))!
            : before;
        await steps.after?.(tx, written);
        await afterWrite(tx, ctx, written, write, before);
        // Every accepted write is a new version, also when only its tags or contacts changed.
        const row =
          written.version === before.version ? await repo.touchRecord<Row>(tx, kind, id) : written;
        return one(tx, row);
      });
    },

    /**
     * Deletes a record: its owner or an admin may; with `ifMatch`, only while it is still at
     * one of those versions.
     */
    remove(ctx: RequestContext, id: string, ifMatch?: readonly string[]): Promise<void> {
      return withTenant(ctx.deps.db, ctx, async (tx, member) => {
        const before = await find(tx, id, { lock: true });
        await requireVersion(ifMatch, before, () => one(tx, before));
        requireCanDelete(member, before);
        await repo.deleteRecords(tx, kind, [id]);
      });
    },
  };
}
