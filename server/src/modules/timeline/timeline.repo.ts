import { sql, type RawBuilder } from 'kysely';
import { orgOf, type Tx } from '../../db/tenant.js';
import { RECORD_KIND_LIST, RECORD_KINDS, type RecordKind } from '../records/registry.js';

/** What a timeline holds, each a filter chip in the app. */
export const TIMELINE_TYPES = [
  'note',
  'task',
  'file',
  'change',
  'stage',
  'conversion',
  'merge',
  'email',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

/** A record whose activity is read, and what a person calls it (null once merged away). */
export interface RecordRef {
  kind: RecordKind;
  id: string;
  title: string | null;
}

/** A place in the feed: the time to the microsecond, then the item's key (ties broken by it). */
export interface TimelinePosition {
  at: string;
  key: string;
}

/** One item as a source reads it; `detail` is the source's own shape. */
export interface SourceRow {
  key: string;
  type: TimelineType;
  occurred_at: Date;
  position_at: string;
  actor_id: string | null;
  record_kind: RecordKind;
  record_id: string;
  detail: Record<string, unknown>;
}

/**
 * One kind of activity: the types it yields and its SELECT, whose columns are `SourceRow`'s
 * with `occurred` (timestamptz) for `occurred_at`/`position_at`. Each is run with its own
 * position condition, order and limit, so each reads its newest rows through its own index
 * (led by org_id and the record's column); the union is merged and cut once. Adding a kind of
 * activity is one more entry.
 */
export interface TimelineSource {
  types: readonly TimelineType[];
  select: (
    orgId: string,
    records: RecordSets,
    types: readonly TimelineType[],
  ) => RawBuilder<unknown>;
}

/** The records read, by kind, with every id of each kind. */
export type RecordSets = ReadonlyMap<RecordKind, readonly string[]>;

/** `alias.<kind>_id = ANY(ids)` for each kind in the set, joined by OR: a partial index each. */
function attachedTo(alias: string, records: RecordSets): RawBuilder<boolean> {
  const conditions = [...records].map(
    ([kind, ids]) =>
      sql<boolean>`${sql.ref(`${alias}.${RECORD_KINDS[kind].attachmentField}`)} = ANY(${ids}::uuid[])`,
  );
  return sql<boolean>`(${sql.join(conditions, sql` OR `)})`;
}

/** Which record of the set a row is attached to, by its attachment columns. */
function attachedKind(alias: string): RawBuilder<RecordKind> {
  const cases = RECORD_KIND_LIST.map(
    (kind) =>
      sql`WHEN ${sql.ref(`${alias}.${kind.attachmentField}`)} IS NOT NULL THEN ${kind.kind}`,
  );
  return sql<RecordKind>`CASE ${sql.join(cases, sql` `)} END`;
}

function attachedId(alias: string): RawBuilder<string> {
  const columns = RECORD_KIND_LIST.map((kind) => sql.ref(`${alias}.${kind.attachmentField}`));
  return sql<string>`coalesce(${sql.join(columns)})`;
}

function allIds(records: RecordSets): string[] {
  return [...records.values()].flat();
}

/** The audit trail's entries, each classified: a merge, a lead's conversion, a deal's stage, a change. */
const AUDIT_TYPE = sql<TimelineType>`CASE
  WHEN a.action = 'record.merged' THEN 'merge'
  WHEN a.action = 'update' AND a.changes ? 'converted_at' THEN 'conversion'
  WHEN a.action = 'update' AND a.changes ? 'stage_id' THEN 'stage'
  ELSE 'change' END`;

/** How many characters of an email's text its timeline item shows, whitespace collapsed. */
export const EMAIL_PREVIEW_LENGTH = 200;

export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  {
    types: ['note'],
    select: (orgId, records) => sql`
      SELECT 'note:' || n.id AS key, 'note' AS type, n.created_at AS occurred, n.created_by AS actor_id,
        ${attachedKind('n')} AS record_kind, ${attachedId('n')} AS record_id,
        jsonb_build_object('id', n.id, 'body', n.body) AS detail
      FROM notes n
      WHERE n.org_id = ${orgId} AND ${attachedTo('n', records)}`,
  },
  {
    types: ['task'],
    select: (orgId, records) => sql`
      SELECT 'task:' || t.id AS key, 'task' AS type, t.created_at AS occurred, t.created_by AS actor_id,
        ${attachedKind('t')} AS record_kind, ${attachedId('t')} AS record_id,
        jsonb_build_object('event', 'created', 'id', t.id, 'title', t.title, 'task_type', t.type,
          'status', t.status, 'due_at', t.due_at) AS detail
      FROM tasks t
      WHERE t.org_id = ${orgId} AND ${attachedTo('t', records)}`,
  },
  {
    // Who completed it is the trail's first entry on the task from its completion on.
    types: ['task'],
    select: (orgId, records) => sql`
      SELECT 'task-done:' || t.id AS key, 'task' AS type, t.completed_at AS occurred,
        (SELECT a.actor_id FROM audit_log a
         WHERE a.org_id = ${orgId} AND a.record_id = t.id AND a.occurred_at >= t.completed_at
           AND a.changes ? 'completed_at'
         ORDER BY a.occurred_at, a.id LIMIT 1) AS actor_id,
        ${attachedKind('t')} AS record_kind, ${attachedId('t')} AS record_id,
        jsonb_build_object('event', 'completed', 'id', t.id, 'title', t.title, 'task_type', t.type,
          'status', t.status, 'due_at', t.due_at) AS detail
      FROM tasks t
      WHERE t.org_id = ${orgId} AND ${attachedTo('t', records)} AND t.completed_at IS NOT NULL`,
  },
  {
    types: ['file'],
    select: (orgId, records) => sql`
      SELECT 'file:' || f.id AS key, 'file' AS type, f.created_at AS occurred, f.created_by AS actor_id,
        ${attachedKind('f')} AS record_kind, ${attachedId('f')} AS record_id,
        jsonb_build_object('id', f.id, 'name', f.name, 'content_type', f.content_type,
          'byte_size', f.byte_size) AS detail
      FROM files f
      WHERE f.org_id = ${orgId} AND ${attachedTo('f', records)}`,
  },
  {
    types: ['change', 'stage', 'conversion', 'merge'],
    select: (orgId, records, types) => {
      const kindOf = RECORD_KIND_LIST.map((kind) => sql`WHEN ${kind.table} THEN ${kind.kind}`);
      return sql`
      SELECT 'audit:' || a.id AS key, ${AUDIT_TYPE} AS type, a.occurred_at AS occurred,
        a.actor_id, CASE a.table_name ${sql.join(kindOf, sql` `)} END AS record_kind,
        a.record_id, jsonb_build_object('action', a.action, 'changes', a.changes,
          'import', CASE WHEN i.id IS NOT NULL THEN jsonb_build_object('id', i.id, 'file_name', i.file_name) END) AS detail
      FROM audit_log a
      LEFT JOIN imports i ON i.org_id = ${orgId} AND i.id = a.import_id
      WHERE a.org_id = ${orgId} AND a.record_id = ANY(${allIds(records)}::uuid[])
        AND a.table_name = ANY(${RECORD_KIND_LIST.map((kind) => kind.table)}::text[])
        AND a.action IN ('insert', 'update', 'record.merged')
        AND ${AUDIT_TYPE} = ANY(${types}::text[])`;
    },
  },
  {
    // An email linked to several of the records read (a contact and its deal, both on the
    // account's timeline) is one item: the link to the record listed first is shown, so this
    // record's own link wins over a related record's.
    types: ['email'],
    select: (orgId, records) => sql`
      SELECT DISTINCT ON (e.id) 'email:' || e.id AS key, 'email' AS type, e.occurred_at AS occurred,
        e.created_by AS actor_id, ${attachedKind('l')} AS record_kind, ${attachedId('l')} AS record_id,
        jsonb_build_object('id', e.id, 'direction', e.direction, 'status', e.status,
          'subject', e.subject, 'from', e.from_address, 'to', to_jsonb(e.to_addresses),
          'preview', left(btrim(regexp_replace(left(e.body_text, ${EMAIL_PREVIEW_LENGTH * 4}), '[[:space:]]+', ' ', 'g')),
            ${EMAIL_PREVIEW_LENGTH})) AS detail
      FROM email_links l
      JOIN emails e ON e.org_id = l.org_id AND e.id = l.email_id
      WHERE l.org_id = ${orgId} AND e.org_id = ${orgId} AND ${attachedTo('l', records)}
      ORDER BY e.id, array_position(${allIds(records)}::uuid[], ${attachedId('l')})`,
  },
];

/**
 * The newest `limit` items after `after`, newest first, of the sources that yield `types`.
 * Keys are compared byte by byte (COLLATE "C"), as the service compares them.
 */
export async function readTimeline(
  tx: Tx,
  records: RecordSets,
  page: { types: readonly TimelineType[]; limit: number; after?: TimelinePosition },
): Promise<SourceRow[]> {
  const orgId = orgOf(tx);
  const sources = TIMELINE_SOURCES.filter((source) =>
    source.types.some((type) => page.types.includes(type)),
  );
  if (sources.length === 0) return [];
  const after = page.after
    ? sql`AND (s.occurred, s.key COLLATE "C") < (${page.after.at}::timestamptz, ${page.after.key} COLLATE "C")`
    : sql``;
  const branches = sources.map(
    (source) => sql`(SELECT * FROM (${source.select(orgId, records, page.types)}) s
      WHERE true ${after} ORDER BY s.occurred DESC, s.key COLLATE "C" DESC LIMIT ${page.limit})`,
  );
  const { rows } = await sql<SourceRow>`
    SELECT u.key, u.type, u.occurred AS occurred_at, u.actor_id, u.record_kind, u.record_id, u.detail,
      to_char(u.occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position_at
    FROM (${sql.join(branches, sql` UNION ALL `)}) u
    ORDER BY u.occurred DESC, u.key COLLATE "C" DESC LIMIT ${page.limit}`.execute(tx);
  return rows;
}

/** The record, with its title, if the organization has it. */
export async function findRecord(
  tx: Tx,
  kind: RecordKind,
  id: string,
): Promise<RecordRef | undefined> {
  const definition = RECORD_KINDS[kind];
  const { rows } = await sql<{ id: string; title: string }>`
    SELECT r.id, ${definition.title('r')} AS title FROM ${sql.table(definition.table)} r
    WHERE r.org_id = ${orgOf(tx)} AND r.id = ${id}`.execute(tx);
  return rows[0] ? { kind, id, title: rows[0].title } : undefined;
}

/**
 * The records whose activity a record's timeline also shows, each kind read by the registry:
 * records of other kinds that point at it by its attachment field (an account's contacts and
 * deals), and the leads converted into it.
 */
export async function relatedRecords(tx: Tx, record: RecordRef): Promise<RecordRef[]> {
  const orgId = orgOf(tx);
  const field = RECORD_KINDS[record.kind].attachmentField;
  const links = RECORD_KIND_LIST.flatMap((other) => {
    const columns: readonly string[] = other.columns;
    return [field, `converted_${field}`]
      .filter((column) => other.kind !== record.kind && columns.includes(column))
      .map((column) => ({ kind: other.kind, table: other.table, column, title: other.title }));
  });
  if (links.length === 0) return [];
  const branches = links.map(
    (link) => sql`SELECT ${link.kind} AS kind, r.id, ${link.title('r')} AS title
      FROM ${sql.table(link.table)} r
      WHERE r.org_id = ${orgId} AND ${sql.ref(`r.${link.column}`)} = ${record.id}`,
  );
  const { rows } = await sql<RecordRef>`${sql.join(branches, sql` UNION ALL `)}`.execute(tx);
  return rows;
}

/** Stage names by id, for stage changes. */
export async function stageNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`
    SELECT s.id, s.name FROM pipeline_stages s
    WHERE s.org_id = ${orgOf(tx)} AND s.id = ANY(${ids}::uuid[])`.execute(tx);
  return new Map(rows.map((row) => [row.id, row.name]));
}
