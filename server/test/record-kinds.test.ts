import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KIND_LIST } from '../src/modules/records/registry.js';
import { findTenantWallViolations } from '../src/db/tenant-wall.js';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';
import { sourceFiles } from './support/source-files.js';

let db: TestDatabase;
let owner: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await db.drop();
});

async function rows<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]> {
  return (await owner.query<R>(text, values)).rows;
}

/** The arguments a trigger was created with, as PostgreSQL stores them. */
function triggerArguments(raw: Buffer): string[] {
  return raw.toString('utf8').split('\0').slice(0, -1);
}

describe('the record-kind registry and the database', () => {
  it('list the same kinds, in the same order, on the same tables', async () => {
    const stored = await rows<{ kind: string; table_name: string }>(
      'SELECT kind, table_name FROM record_kinds ORDER BY position',
    );
    expect(stored).toEqual(RECORD_KIND_LIST.map((k) => ({ kind: k.kind, table_name: k.table })));
  });

  it('index the fields the registry names for search, with the kind as the first argument', async () => {
    for (const kind of RECORD_KIND_LIST) {
      for (const event of ['insert', 'update', 'delete']) {
        const [trigger] = await rows<{ tgargs: Buffer }>(
          `SELECT tgargs FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname = $2`,
          [kind.table, `${kind.table}_search_index_${event}`],
        );
        expect(trigger, `${kind.table} has no search trigger on ${event}`).toBeDefined();
        expect(triggerArguments(trigger!.tgargs)).toEqual([kind.kind, ...kind.searchFields]);
      }
    }
  });

  it('attach tasks, notes and tag links to every kind through a tenant-carrying foreign key', async () => {
    for (const kind of RECORD_KIND_LIST) {
      for (const attached of ['tasks', 'notes', 'record_tags']) {
        const [key] = await rows<{ definition: string }>(
          `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
           WHERE conrelid = $1::regclass AND contype = 'f' AND confrelid = $2::regclass`,
          [attached, kind.table],
        );
        expect(key?.definition, `${attached} -> ${kind.table}`).toBe(
          `FOREIGN KEY (org_id, ${kind.attachmentField}) REFERENCES ${kind.table}(org_id, id) ON DELETE CASCADE`,
        );
      }
    }
  });

  it('allow exactly the registry kinds where rows name a kind', async () => {
    const checks = await rows<{ table: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE conname IN ('search_terms_record_type_check',
         'notifications_record_type_check', 'tasks_one_record_check', 'notes_one_record_check',
         'record_tags_one_record_check')
       ORDER BY 1`,
    );
    expect(checks).toHaveLength(5);
    for (const { table, definition } of checks) {
      for (const kind of RECORD_KIND_LIST) {
        const named =
          table === 'search_terms' || table === 'notifications'
            ? `'${kind.kind}'::text`
            : kind.attachmentField;
        expect(definition, table).toContain(named);
      }
    }
  });

  it('attaching a kind again changes nothing', async () => {
    const before = await rows('SELECT conname FROM pg_constraint ORDER BY 1');
    const lead = RECORD_KIND_LIST.find((k) => k.kind === 'lead')!;
    await owner.query('SELECT attach_record_kind($1, $2, $3)', [
      lead.kind,
      lead.table,
      lead.searchFields,
    ]);
    expect(await rows('SELECT conname FROM pg_constraint ORDER BY 1')).toEqual(before);
  });

  it('attaches a new kind that keeps the tenant wall and what Citus accepts', async () => {
    const [org, user, fire] = [randomUUID(), randomUUID(), randomUUID()];
    await owner.query('BEGIN');
    try {
      // A kind as a later migration would add it, its owner a cleared link; attaching it gives
      // it its audit and search triggers.
      await owner.query(`
        CREATE TABLE cases (
          org_id uuid NOT NULL REFERENCES orgs (id),
          id uuid NOT NULL DEFAULT gen_random_uuid(),
          subject text NOT NULL,
          owner_id uuid,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          created_by uuid REFERENCES users (id),
          PRIMARY KEY (org_id, id)
        );
        ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
        ALTER TABLE cases FORCE ROW LEVEL SECURITY;
        CREATE POLICY cases_tenant ON cases FOR ALL
          USING (org_id = verified_org())
          WITH CHECK (org_id = verified_org());
        SELECT add_cleared_reference('cases', 'owner_id', 'memberships', 'user_id');
        SELECT attach_record_kind('case', 'cases', ARRAY['3:subject']);
      `);
      const violations = await findTenantWallViolations(owner, 'public', { appRole: null });
      expect(violations.map((violation) => violation.message)).toEqual([]);
      // Files can be put on it, and its custom field values go with a deleted record.
      expect(
        await rows(
          `SELECT column_name FROM information_schema.columns
           WHERE table_name = 'files' AND column_name = 'case_id'`,
        ),
      ).toEqual([{ column_name: 'case_id' }]);
      expect(
        await rows(
          `SELECT count(*)::int AS triggers FROM pg_trigger
           WHERE tgrelid = 'cases'::regclass AND tgfoid = 'delete_custom_field_values'::regproc`,
        ),
      ).toEqual([{ triggers: 1 }]);

      await owner.query(`
        INSERT INTO users (id, email, name, password_hash) VALUES ('${user}', '${user}@example.com', 'Case owner', 'x');
        INSERT INTO orgs (id, name) VALUES ('${org}', 'Cases');
        INSERT INTO memberships (org_id, user_id, role) VALUES ('${org}', '${user}', 'owner');
        INSERT INTO cases (org_id, id, subject, owner_id) VALUES ('${org}', '${fire}', 'Printer on fire', '${user}');
        INSERT INTO tasks (org_id, title, case_id) VALUES ('${org}', 'Fetch the extinguisher', '${fire}');
        DELETE FROM memberships WHERE org_id = '${org}' AND user_id = '${user}';
      `);
      expect(await rows(`SELECT owner_id FROM cases WHERE org_id = $1`, [org])).toEqual([
        { owner_id: null },
      ]);
      expect(
        await rows(
          `SELECT DISTINCT record_type FROM search_terms WHERE org_id = $1 AND term = 'printer'`,
          [org],
        ),
      ).toEqual([{ record_type: 'case' }]);
      expect(
        await rows(
          `SELECT table_name, action FROM audit_log WHERE org_id = $1 AND record_id = $2 ORDER BY id`,
          [org, fire],
        ),
      ).toEqual([
        { table_name: 'cases', action: 'insert' },
        { table_name: 'cases', action: 'update' },
      ]);
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});

describe('the record kinds are listed once', () => {
  // A second hand-written list of the kinds is how a new kind goes missing without a compile
  // error: no bulk route, no search hit, no link. The registry and its generated copy are the
  // only lists; the migrations and the generated API files are history and derivations.
  const HAND_WRITTEN_LIST = /['"`]lead(_id)?['"`],\s*['"`]account(_id)?['"`],\s*['"`]contact/;
  it('in the registry alone, not again by hand in the server or the web app', async () => {
    const offenders: string[] = [];
    for (const root of ['server/src', 'web/src']) {
      for await (const file of sourceFiles(root)) {
        // The registry, and what is generated: the API client's copy, and db/schema.ts's
        // from the record_kinds checks the registry test above holds to the registry.
        if (
          file.endsWith('records/registry.ts') ||
          file.endsWith('db/schema.ts') ||
          file.includes(`${path.sep}lib${path.sep}api${path.sep}`)
        )
          continue;
        if (HAND_WRITTEN_LIST.test(await readFile(file, 'utf8'))) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});
