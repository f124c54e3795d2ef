import { sql } from 'kysely';
import { orgOf, type Tx } from '../../db/tenant.js';
import { invalidField } from '../../lib/errors.js';
import { notifyInApp } from '../notifications/notify.js';
import { RECORD_KINDS, type RecordKind } from '../records/registry.js';
import { mentionedIds, renderNote } from './note-text.js';

/** The names of the organization's members among `ids` (someone who is not one is absent). */
export async function memberNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name'])
    .where('m.org_id', '=', orgOf(tx))
    .where('m.user_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.name]));
}

/**
 * Refuses a note that mentions anyone but a member of the organization: the token carries an
 * id, and an id from elsewhere must neither notify nor reveal anyone.
 */
export async function requireMembersMentioned(tx: Tx, body: string): Promise<string[]> {
  const ids = mentionedIds(body);
  const names = await memberNames(tx, ids);
  if (ids.some((id) => !names.has(id)))
    throw invalidField('body', 'mentions someone who is not a member of this organization');
  return ids;
}

/** Each note's HTML, mentions under the members' current names. */
export async function renderNotes<T extends { body: string }>(
  tx: Tx,
  notes: T[],
): Promise<Array<T & { body_html: string }>> {
  const names = await memberNames(tx, [...new Set(notes.flatMap((n) => mentionedIds(n.body)))]);
  return notes.map((note) => ({ ...note, body_html: renderNote(note.body, names) }));
}

/**
 * Tells each member newly mentioned in a note on a record, but not its writer: in the app only,
 * as being mentioned asks for a look rather than an email each time.
 */
export async function notifyMentioned(
  tx: Tx,
  actor: { orgId: string; userId: string },
  note: { record: { kind: RecordKind; id: string }; mentioned: string[]; before: string[] },
): Promise<void> {
  const told = new Set([...note.before, actor.userId]);
  const fresh = note.mentioned.filter((id) => !told.has(id));
  if (fresh.length === 0) return;
  const { record } = note;
  const definition = RECORD_KINDS[record.kind];
  const { rows } = await sql<{ writer: string | null; title: string | null }>`
    SELECT (SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.org_id = ${actor.orgId} AND m.user_id = ${actor.userId}) AS writer,
           (SELECT ${definition.title('r')} FROM ${sql.table(definition.table)} r
            WHERE r.org_id = ${actor.orgId} AND r.id = ${record.id}) AS title`.execute(tx);
  const { writer, title } = rows[0] ?? { writer: null, title: null };
  for (const userId of fresh) {
    await notifyInApp(tx, actor, {
      userId,
      kind: 'mentioned',
      title: `${writer ?? 'Someone'} mentioned you in a note on ${definition.label.one} "${title ?? ''}"`,
      recordType: record.kind,
      recordId: record.id,
    });
  }
}
