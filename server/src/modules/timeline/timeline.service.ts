import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { decodeCursor, encodeCursor, isCursorMoment } from '../../lib/cursor.js';
import { NotFoundError } from '../../lib/errors.js';
import { actorNames } from '../audit/audit.service.js';
import { mergedInto, survivorOf } from '../merge/merge.service.js';
import { renderNotes } from '../notes/mentions.js';
import { RECORD_KINDS, type RecordKind } from '../records/registry.js';
import * as repo from './timeline.repo.js';

export const DEFAULT_PAGE_SIZE = 30;
export { EMAIL_PREVIEW_LENGTH, TIMELINE_TYPES, type TimelineType } from './timeline.repo.js';

export interface TimelineInput {
  types?: string;
  limit?: number;
  cursor?: string;
}

export interface TimelineItem {
  id: string;
  type: repo.TimelineType;
  occurred_at: string;
  actor: { id: string; name: string | null } | null;
  record: { type: RecordKind; id: string; title: string | null };
  [detail: string]: unknown;
}

export interface TimelinePage {
  data: TimelineItem[];
  next_cursor: string | null;
}

const KEY = /^(note|task|task-done|file|audit|email):[0-9a-f-]{1,36}$/;

/** A timeline cursor: the last item's exact time and key. */
function readPosition(decoded: unknown): repo.TimelinePosition | undefined {
  if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
  const [at, key] = decoded as unknown[];
  if (!isCursorMoment(at)) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) return undefined;
  return { at, key };
}

/** The fields a person reads in a change: keys, timestamps and search data say nothing. */
const HIDDEN_FIELDS = new Set(['id', 'org_id', 'created_by', 'stage_rank', 'search_vector']);

type Changes = Record<string, { old?: unknown; new?: unknown }>;

function changeList(changes: Changes): Array<{ field: string; old: unknown; new: unknown }> {
  return Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, change]) => ({ field, old: change.old ?? null, new: change.new ?? null }));
}

function stageOf(id: unknown, names: Map<string, string>) {
  return typeof id === 'string' ? { id, name: names.get(id) ?? null } : null;
}

/**
 * One record's activity, newest first: its notes, tasks, files and changes, with those of the
 * records merged into it, the lead it was converted from and the records of other kinds that
 * point at it (an account's contacts and deals). Each item says which record it is on.
 */
export function recordTimeline(
  ctx: RequestContext,
  kind: RecordKind,
  id: string,
  input: TimelineInput,
): Promise<TimelinePage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const types = input.types
    ? (input.types.split(',') as repo.TimelineType[])
    : [...repo.TIMELINE_TYPES];
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, readPosition);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const record = await repo.findRecord(tx, kind, id);
    if (!record) {
      const into = await survivorOf(tx, id);
      throw new NotFoundError(
        RECORD_KINDS[kind].label.one,
        into ? { merged_into: into } : undefined,
      );
    }
    const merged = (await mergedInto(tx, id)).map((mergedId) => ({
      kind,
      id: mergedId,
      title: null,
    }));
    const records = [record, ...merged, ...(await repo.relatedRecords(tx, record))];
    const sets = new Map<RecordKind, string[]>();
    for (const ref of records) sets.set(ref.kind, [...(sets.get(ref.kind) ?? []), ref.id]);
    const titles = new Map(records.map((ref) => [ref.id, ref.title]));

    // One item more than asked tells whether there is a next page.
    const rows = await repo.readTimeline(tx, sets, { types, limit: limit + 1, after });
    const page = rows.slice(0, limit);
    const actors = await actorNames(tx, [
      ...new Set(page.flatMap((row) => (row.actor_id ? [row.actor_id] : []))),
    ]);
    const stages = await repo.stageNames(tx, [
      ...new Set(
        page.flatMap((row) => {
          if (row.type !== 'stage') return [];
          const change = (row.detail['changes'] as Changes)['stage_id'];
          return [change?.old, change?.new].filter((v): v is string => typeof v === 'string');
        }),
      ),
    ]);
    const notes = new Map(
      (
        await renderNotes(
          tx,
          page
            .filter((row) => row.type === 'note')
            .map((row) => row.detail as { body: string; id: string }),
        )
      ).map((note) => [note.id, note]),
    );

    const data = page.map((row): TimelineItem => {
      const base = {
        id: row.key,
        type: row.type,
        occurred_at: row.occurred_at.toISOString(),
        actor: row.actor_id ? { id: row.actor_id, name: actors.get(row.actor_id) ?? null } : null,
        record: {
          type: row.record_kind,
          id: row.record_id,
          title: titles.get(row.record_id) ?? null,
        },
      };
      const detail = row.detail;
      switch (row.type) {
        case 'note':
          return { ...base, note: notes.get(detail['id'] as string) };
        case 'task': {
          const { event, task_type, ...task } = detail;
          return { ...base, event, task: { ...task, type: task_type } };
        }
        case 'file':
          return { ...base, file: detail };
        case 'email':
          return { ...base, email: detail };
        case 'merge':
          return {
            ...base,
            merged_ids: ((detail['changes'] as { merged_ids?: string[] }).merged_ids ?? []).map(
              String,
            ),
          };
        default: {
          const changes = detail['changes'] as Changes;
          const item = {
            ...base,
            action: detail['action'] === 'insert' ? 'created' : 'updated',
            changes: changeList(changes),
            import: (detail['import'] as { id: string; file_name: string } | null) ?? null,
          };
          if (row.type === 'stage') {
            return {
              ...item,
              from: stageOf(changes['stage_id']?.old, stages),
              to: stageOf(changes['stage_id']?.new, stages),
            };
          }
          return item;
        }
      }
    });
    const last = page.at(-1);
    return {
      data,
      next_cursor: rows.length > limit && last ? encodeCursor([last.position_at, last.key]) : null,
    };
  });
}
