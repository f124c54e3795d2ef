import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installContextKey } from '../src/db/context-key.js';
import { MIGRATIONS_DIR, migrate } from '../src/db/migrate.js';
import { openDatabase, type DatabaseHandle } from '../src/db/pool.js';
import { withTenant } from '../src/db/tenant.js';
import { search } from '../src/modules/search/search.repo.js';
import { adminQuery, withDatabase } from './support/global-setup.js';
import { findTenantWallViolations } from '../src/db/tenant-wall.js';
import { testContextKey } from './support/test-app.js';

// An installation of the previous release (migrations up to 0004), holding the kind of data
// people keep in it, upgraded with the real migrate(): nothing may be lost or come apart.
const PREVIOUS_RELEASE = 4;

const name = `rampart_upgrade_${process.pid}_${Date.now().toString(36)}`;
const adminUrl = inject('adminUrl');
const ownerUrl = withDatabase(adminUrl, name);
let owner: pg.Client;
let app: DatabaseHandle | undefined;

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ALICE = id(0xa1);
const BOB = id(0xa2);
const CAROL = id(0xb1);
const ORG_A = id(0xa0);
const ORG_B = id(0xb0);
const ACCOUNT = id(0x101);
const PETER = id(0x102);
const JOANNA = id(0x103);
const RENEWAL = id(0x104);
const EXPANSION = id(0x105);
const MILTON = id(0x106);
const LUMBERGH = id(0x107);
const TAG = id(0x108);
const GLOBEX = id(0x201);
const PILOT = id(0x202);

/** The migrations of the previous release, by number, from the files themselves. */
async function previousReleaseCount(): Promise<number> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{4}_.*\.sql$/.test(file));
  return files.filter((file) => Number(file.slice(0, 4)) <= PREVIOUS_RELEASE).length;
}

async function applyPreviousRelease(): Promise<void> {
  // Only the previous release's files exist for this run, as they did on a real installation.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rampart-previous-'));
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const files = (await readdir(MIGRATIONS_DIR)).sort().slice(0, await previousReleaseCount());
    for (const file of files) await symlink(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
    await runner({
      dbClient: client,
      dir,
      direction: 'up',
      migrationsTable: 'schema_migrations',
      checkOrder: true,
      log: () => undefined,
    });
  } finally {
    await client.end();
    await rm(dir, { recursive: true, force: true });
  }
}

// The previous schema's names: opportunities, opportunity_id, record_type 'opportunity'.
const PREVIOUS_DATA = `
INSERT INTO users (id, email, name, password_hash) VALUES
  ('${ALICE}', 'alice@acme.example', 'Alice', 'x'),
  ('${BOB}', 'bob@acme.example', 'Bob', 'x'),
  ('${CAROL}', 'carol@globex.example', 'Carol', 'x');

BEGIN;
SELECT set_config('app.current_org', '${ORG_A}', true), set_config('app.current_user', '${ALICE}', true);
INSERT INTO orgs (id, name, created_by) VALUES ('${ORG_A}', 'Acme', '${ALICE}');
INSERT INTO memberships (org_id, user_id, role, created_by) VALUES
  ('${ORG_A}', '${ALICE}', 'owner', '${ALICE}'), ('${ORG_A}', '${BOB}', 'member', '${ALICE}');
INSERT INTO tags (org_id, id, name, created_by) VALUES ('${ORG_A}', '${TAG}', 'Priority', '${ALICE}');
INSERT INTO accounts (org_id, id, name, domain, owner_id, created_by)
VALUES ('${ORG_A}', '${ACCOUNT}', 'Initech', 'initech.example', '${BOB}', '${ALICE}');
INSERT INTO contacts (org_id, id, first_name, last_name, email, phone, account_id, owner_id) VALUES
  ('${ORG_A}', '${PETER}', 'Peter', 'Gibbons', 'peter@initech.example', '+1 (555) 123-4', '${ACCOUNT}', '${BOB}'),
  ('${ORG_A}', '${JOANNA}', 'Joanna', 'Smith', NULL, NULL, '${ACCOUNT}', NULL);
INSERT INTO opportunities (org_id, id, name, account_id, primary_contact_id, amount, currency,
  pipeline_id, stage_id, probability, expected_close_date, owner_id, created_by)
SELECT '${ORG_A}', '${RENEWAL}', 'Initech renewal', '${ACCOUNT}', '${PETER}', 12500.50, 'EUR',
  s.pipeline_id, s.id, s.probability, '2026-12-31', '${BOB}', '${ALICE}'
FROM pipeline_stages s WHERE s.org_id = '${ORG_A}' AND s.position = 1;
INSERT INTO opportunities (org_id, id, name, pipeline_id, stage_id, probability)
SELECT '${ORG_A}', '${EXPANSION}', 'Initech expansion', s.pipeline_id, s.id, s.probability
FROM pipeline_stages s WHERE s.org_id = '${ORG_A}' AND s.position = 0;
INSERT INTO opportunity_contacts (org_id, opportunity_id, contact_id, role) VALUES
  ('${ORG_A}', '${RENEWAL}', '${PETER}', 'Champion'), ('${ORG_A}', '${RENEWAL}', '${JOANNA}', 'Finance');
INSERT INTO opportunity_stage_history (org_id, opportunity_id, stage_id, entered_at, left_at)
SELECT '${ORG_A}', '${RENEWAL}', s.id, timestamptz '2026-01-05' + s.position * interval '9 days',
  CASE WHEN s.position = 0 THEN timestamptz '2026-01-14' END
FROM pipeline_stages s WHERE s.org_id = '${ORG_A}' AND s.position IN (0, 1);
INSERT INTO leads (org_id, id, first_name, last_name, email, company, status, owner_id)
VALUES ('${ORG_A}', '${MILTON}', 'Milton', 'Waddams', 'milton@initech.example', 'Initech', 'contacted', '${BOB}');
INSERT INTO leads (org_id, id, last_name, company, status, converted_at, converted_account_id,
  converted_contact_id, converted_opportunity_id)
VALUES ('${ORG_A}', '${LUMBERGH}', 'Lumbergh', 'Initech', 'converted', '2026-02-01', '${ACCOUNT}',
  '${PETER}', '${EXPANSION}');
INSERT INTO tasks (org_id, title, assignee_id, lead_id, account_id, contact_id, opportunity_id) VALUES
  ('${ORG_A}', 'Call Milton', '${BOB}', '${MILTON}', NULL, NULL, NULL),
  ('${ORG_A}', 'Review Initech', '${BOB}', NULL, '${ACCOUNT}', NULL, NULL),
  ('${ORG_A}', 'Lunch with Peter', NULL, NULL, NULL, '${PETER}', NULL),
  ('${ORG_A}', 'Send the renewal quote', '${BOB}', NULL, NULL, NULL, '${RENEWAL}');
INSERT INTO notes (org_id, body, lead_id, account_id, contact_id, opportunity_id) VALUES
  ('${ORG_A}', 'Wants his stapler back', '${MILTON}', NULL, NULL, NULL),
  ('${ORG_A}', 'Renews every December', NULL, '${ACCOUNT}', NULL, NULL),
  ('${ORG_A}', 'Prefers email', NULL, NULL, '${PETER}', NULL),
  ('${ORG_A}', 'Budget approved', NULL, NULL, NULL, '${RENEWAL}');
INSERT INTO record_tags (org_id, tag_id, lead_id, account_id, contact_id, opportunity_id) VALUES
  ('${ORG_A}', '${TAG}', '${MILTON}', NULL, NULL, NULL),
  ('${ORG_A}', '${TAG}', NULL, '${ACCOUNT}', NULL, NULL),
  ('${ORG_A}', '${TAG}', NULL, NULL, '${PETER}', NULL),
  ('${ORG_A}', '${TAG}', NULL, NULL, NULL, '${RENEWAL}');
INSERT INTO notifications (org_id, user_id, kind, title, record_type, record_id) VALUES
  ('${ORG_A}', '${BOB}', 'record_assigned', 'Initech renewal is yours', 'opportunity', '${RENEWAL}'),
  ('${ORG_A}', '${BOB}', 'record_assigned', 'Milton Waddams is yours', 'lead', '${MILTON}');
INSERT INTO notification_preferences (org_id, user_id, last_digest_on)
VALUES ('${ORG_A}', '${BOB}', '2026-03-01');
UPDATE opportunities SET amount = 13000 WHERE org_id = '${ORG_A}' AND id = '${RENEWAL}';
COMMIT;

BEGIN;
SELECT set_config('app.current_org', '${ORG_B}', true), set_config('app.current_user', '${CAROL}', true);
INSERT INTO orgs (id, name, created_by) VALUES ('${ORG_B}', 'Globex', '${CAROL}');
INSERT INTO memberships (org_id, user_id, role) VALUES ('${ORG_B}', '${CAROL}', 'owner');
INSERT INTO accounts (org_id, id, name) VALUES ('${ORG_B}', '${GLOBEX}', 'Globex');
INSERT INTO opportunities (org_id, id, name, account_id, pipeline_id, stage_id, probability)
SELECT '${ORG_B}', '${PILOT}', 'Globex pilot', '${GLOBEX}', s.pipeline_id, s.id, s.probability
FROM pipeline_stages s WHERE s.org_id = '${ORG_B}' AND s.position = 2;
INSERT INTO notes (org_id, body, opportunity_id) VALUES ('${ORG_B}', 'Pilot in March', '${PILOT}');
INSERT INTO sample_data_sets (org_id, account_ids, opportunity_ids)
VALUES ('${ORG_B}', ARRAY['${GLOBEX}']::uuid[], ARRAY['${PILOT}']::uuid[]);
COMMIT;
`;

// What the rename changed, applied to a row of the previous schema.
const TABLES: Record<string, string> = {
  opportunities: 'deals',
  opportunity_contacts: 'deal_contacts',
  opportunity_stage_history: 'deal_stage_history',
};
const COLUMNS: Record<string, string> = {
  opportunity_id: 'deal_id',
  converted_opportunity_id: 'converted_deal_id',
  opportunity_ids: 'deal_ids',
};
type Row = Record<string, unknown>;

function renamed(table: string, row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[COLUMNS[key] ?? key] = value;
  if (out['record_type'] === 'opportunity') out['record_type'] = 'deal';
  if (table === 'audit_log') {
    out['table_name'] = TABLES[out['table_name'] as string] ?? out['table_name'];
    out['changes'] = renamed('', out['changes'] as Row);
  }
  return out;
}

/** Every row of every table, by table, in a stable order. */
async function snapshot(): Promise<Map<string, Row[]>> {
  const { rows: tables } = await owner.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
     WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
       AND relname NOT IN ('schema_migrations', 'record_kinds')`,
  );
  const all = new Map<string, Row[]>();
  for (const { name: table } of tables) {
    const { rows } = await owner.query<{ row: Row }>(
      `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t) ->> 'id'`,
    );
    all.set(
      table,
      rows.map((r) => r.row),
    );
  }
  return all;
}

beforeAll(async () => {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await owner?.end();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('upgrading an installation of the previous release', () => {
  it('keeps every row, its values and its links, and ends on a schema the catalog checks pass', async () => {
    await applyPreviousRelease();
    const { rows: applied } = await owner.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY id',
    );
    expect(applied.map((row) => row.name)).toEqual([
      '0001_create_tenancy',
      '0002_extend_audit_log',
      '0003_create_crm_records',
      '0004_track_digests_and_sample_data',
    ]);
    await owner.query(PREVIOUS_DATA);
    const before = await snapshot();
    expect(before.get('opportunities')).toHaveLength(3);

    await migrate(ownerUrl, () => undefined);
    await installContextKey(ownerUrl, testContextKey);

    const after = await snapshot();
    for (const [table, rows] of before) {
      const now = TABLES[table] ?? table;
      // The rename rewrote the kind in these rows, which touched their updated_at.
      const touched = table === 'notifications' || table === 'search_terms';
      const comparable = (row: Row) => {
        const { updated_at: _updatedAt, ...rest } = row;
        return touched ? rest : row;
      };
      let expected = rows.map((row) => comparable(renamed(table, row)));
      // Columns added by later migrations are new, not survivors: compare the columns there were.
      const columns = new Set(expected.flatMap((row) => Object.keys(row)));
      let actual = (after.get(now) ?? []).map((row) =>
        Object.fromEntries(Object.entries(comparable(row)).filter(([key]) => columns.has(key))),
      );
      if (table === 'audit_log') {
        // Tag links were recorded as rows of their own; they now speak of the record they tag.
        const links = new Set(
          expected.filter((row) => row['table_name'] === 'record_tags').map((row) => row['id']),
        );
        const tagged = new Set(
          (after.get('record_tags') ?? []).flatMap((row) =>
            ['lead_id', 'account_id', 'contact_id', 'deal_id'].map((key) => row[key]),
          ),
        );
        const moved = actual.filter((row) => links.has(row['id']));
        expect(moved).toHaveLength(links.size);
        for (const row of moved) {
          expect(row['action']).toBe('tag.added');
          expect(tagged.has(row['record_id'])).toBe(true);
        }
        expected = expected.filter((row) => !links.has(row['id']));
        actual = actual.filter((row) => !links.has(row['id']));
        // ...and the trail recorded that rewrite of the notifications, as it records any.
        const kept = new Set(rows.map((row) => row['id']));
        const added = actual.filter((row) => !kept.has(row['id']));
        expect(added).toEqual([
          expect.objectContaining({
            table_name: 'notifications',
            action: 'update',
            actor_id: null,
            changes: { record_type: { old: 'opportunity', new: 'deal' } },
          }),
        ]);
        actual = actual.filter((row) => kept.has(row['id']));
      }
      expect(actual, `${table} -> ${now}`).toEqual(expected);
    }

    // The links of a deal, read through the new names.
    const { rows: links } = await owner.query(
      `SELECT d.name, d.account_id, d.primary_contact_id, s.name AS stage,
         (SELECT array_agg(dc.role ORDER BY dc.role) FROM deal_contacts dc WHERE dc.deal_id = d.id) AS roles,
         (SELECT count(*)::int FROM deal_stage_history h WHERE h.deal_id = d.id) AS stages,
         (SELECT array_agg(n.body) FROM notes n WHERE n.deal_id = d.id) AS notes,
         (SELECT array_agg(t.title) FROM tasks t WHERE t.deal_id = d.id) AS tasks,
         (SELECT array_agg(g.name) FROM record_tags rt JOIN tags g ON g.id = rt.tag_id
          WHERE rt.deal_id = d.id) AS tags,
         (SELECT array_agg(l.last_name) FROM leads l WHERE l.converted_deal_id = d.id) AS converted_from
       FROM deals d JOIN pipeline_stages s ON s.org_id = d.org_id AND s.id = d.stage_id
       WHERE d.org_id = $1 ORDER BY d.name`,
      [ORG_A],
    );
    expect(links).toEqual([
      {
        name: 'Initech expansion',
        account_id: null,
        primary_contact_id: null,
        stage: 'Prospecting',
        roles: null,
        stages: 0,
        notes: null,
        tasks: null,
        tags: null,
        converted_from: ['Lumbergh'],
      },
      {
        name: 'Initech renewal',
        account_id: ACCOUNT,
        primary_contact_id: PETER,
        stage: 'Qualification',
        roles: ['Champion', 'Finance'],
        stages: 2,
        notes: ['Budget approved'],
        tasks: ['Send the renewal quote'],
        tags: ['Priority'],
        converted_from: null,
      },
    ]);
    const { rows: notified } = await owner.query(
      'SELECT record_type, count(*)::int AS n FROM notifications GROUP BY 1 ORDER BY 1',
    );
    expect(notified).toEqual([
      { record_type: 'deal', n: 1 },
      { record_type: 'lead', n: 1 },
    ]);

    // Search, as the API runs it: each organization finds its own records, deals included.
    app = openDatabase(withDatabase(inject('templateAppUrl'), name), 2, testContextKey);
    const find = (orgId: string, userId: string, word: string) =>
      withTenant(app!.db, { orgId, userId }, (tx) =>
        search(tx, {
          words: [word],
          recordTypes: ['lead', 'account', 'contact', 'deal'],
          limit: 20,
        }),
      );
    const initech = await find(ORG_A, ALICE, 'initech');
    expect(initech.map((hit) => `${hit.record_type} ${hit.title}`).sort()).toEqual([
      'account Initech',
      'contact Peter Gibbons',
      'deal Initech expansion',
      'deal Initech renewal',
      'lead Lumbergh',
      'lead Milton Waddams',
    ]);
    expect((await find(ORG_A, ALICE, 'gibbons')).map((hit) => hit.record_id)).toEqual([PETER]);
    expect(await find(ORG_B, CAROL, 'initech')).toEqual([]);
    expect((await find(ORG_B, CAROL, 'pilot')).map((hit) => hit.record_id)).toEqual([PILOT]);

    // A deal's trail reads "deals", before the upgrade and after it; links still clear.
    await withTenant(app.db, { orgId: ORG_A, userId: ALICE }, async (tx) => {
      await tx.updateTable('deals').set({ amount: '14000' }).where('id', '=', RENEWAL).execute();
      await tx.deleteFrom('contacts').where('id', '=', PETER).execute();
    });
    const { rows: trail } = await owner.query(
      `SELECT table_name, action, actor_id, changes FROM audit_log
       WHERE org_id = $1 AND record_id = $2 ORDER BY id`,
      [ORG_A, RENEWAL],
    );
    expect(trail.map((row) => [row.table_name, row.action, row.actor_id])).toEqual([
      ['deals', 'insert', ALICE],
      // Its tag, recorded before the upgrade as a row of record_tags, now in its own history.
      ['record_tags', 'tag.added', ALICE],
      ['deals', 'update', ALICE],
      ['deals', 'update', ALICE],
      ['deals', 'update', ALICE],
    ]);
    expect(trail.slice(-2).map((row) => row.changes)).toEqual([
      { amount: { old: 13000, new: 14000 } },
      { primary_contact_id: { old: PETER } },
    ]);

    const violations = await findTenantWallViolations(owner, 'public');
    expect(violations.map((violation) => violation.message)).toEqual([]);
  }, 60_000);
});
