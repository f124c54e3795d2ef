import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertSafeAppRole, UnsafeRoleError } from '../src/db/roles.js';
import { adminQuery } from './support/global-setup.js';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';
import { findTenantWallViolations, type WallViolation } from '../src/db/tenant-wall.js';
import { RECORD_KIND_LIST } from '../src/modules/records/registry.js';

let db: TestDatabase;
let owner: pg.Client;
// Roles are shared by the whole server: scratch ones are named per run and dropped after.
const suffix = randomBytes(4).toString('hex');
const scratchRoles: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  // Dropping the database first leaves the scratch roles nothing to depend on.
  await db.drop();
  for (const role of scratchRoles) {
    await adminQuery(inject('adminUrl'), `DROP ROLE IF EXISTS ${role}`);
  }
});

async function scratchRole(label: string, attributes: string): Promise<string> {
  const role = `rampart_scratch_${label}_${suffix}`;
  scratchRoles.push(role);
  await owner.query(`CREATE ROLE ${role} ${attributes}`);
  return role;
}

const summary = (violations: WallViolation[]) =>
  violations.map((violation) => `${violation.subject}: ${violation.rule}`).sort();

describe('the tenant wall in the catalog', () => {
  it('holds for every table of the migrated schema', async () => {
    const violations = await findTenantWallViolations(owner, 'public');
    expect(violations.map((violation) => violation.message)).toEqual([]);

    // The check found the tables by their org_id column; make sure it saw them at all.
    const { rows } = await owner.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attname = 'org_id'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['teams', 'audit_log']));
  });

  it('keeps to what Citus accepts, but for the two policies that read across organizations', async () => {
    // The known work left before a move to Citus (docs/operations.md): nothing else.
    const strict = await findTenantWallViolations(owner, 'public', { subqueryPolicyTables: [] });
    expect(strict.map((violation) => violation.message).sort()).toEqual([
      'orgs: policy orgs_select has a sub-query in USING, which Citus refuses in a policy',
      'users: policy users_select has a sub-query in USING, which Citus refuses in a policy',
    ]);
  });

  it("versions every record by its own changes, not by the database's transactions", async () => {
    // A version read from xmin would tell an organization how many writes the others made
    // (decision 0018): every versioned table counts its rows' changes itself.
    const versioned = [...RECORD_KIND_LIST.map((kind) => kind.table), 'tasks', 'notes'];
    const { rows } = await owner.query<{ name: string; counted: boolean }>(
      `SELECT t.name,
         EXISTS (SELECT FROM information_schema.columns c
                 WHERE c.table_schema = 'public' AND c.table_name = t.name
                   AND c.column_name = 'row_version' AND c.is_nullable = 'NO')
         AND EXISTS (SELECT FROM pg_trigger g
                     WHERE g.tgrelid = format('public.%I', t.name)::regclass
                       AND g.tgfoid = 'count_row_version'::regproc AND g.tgenabled <> 'D')
           AS counted
       FROM unnest($1::text[]) AS t(name) ORDER BY 1`,
      [versioned],
    );
    expect(rows.filter((row) => !row.counted).map((row) => row.name)).toEqual([]);
    expect(rows).toHaveLength(versioned.length);
  });

  it('reports each way a table can break it', async () => {
    const role = await scratchRole('wall', 'NOLOGIN NOSUPERUSER BYPASSRLS');
    const policy = (table: string) => `CREATE POLICY ${table}_tenant ON wall.${table} FOR ALL
      USING (org_id = verified_org())
      WITH CHECK (org_id = verified_org())`;
    // A table that keeps every rule; each bad table below breaks exactly one.
    const tenantTable = (
      table: string,
      {
        columns = 'org_id uuid NOT NULL REFERENCES wall.orgs (id), id uuid NOT NULL',
        key = 'PRIMARY KEY (org_id, id)',
        enable = true,
        force = true,
        policies = [policy(table)],
        audited = true,
      } = {},
    ) =>
      [
        `CREATE TABLE wall.${table} (${columns}, ${key})`,
        enable && `ALTER TABLE wall.${table} ENABLE ROW LEVEL SECURITY`,
        force && `ALTER TABLE wall.${table} FORCE ROW LEVEL SECURITY`,
        ...policies,
        audited &&
          `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON wall.${table}
           FOR EACH ROW EXECUTE FUNCTION public.audit_record_change('${table}')`,
      ]
        .filter(Boolean)
        .join(';\n');

    const linked = 'org_id uuid NOT NULL REFERENCES wall.orgs (id), id uuid NOT NULL, good_id uuid';
    await owner.query(`
      CREATE SCHEMA wall;
      CREATE TABLE wall.orgs (id uuid PRIMARY KEY);
      ALTER TABLE wall.orgs ENABLE ROW LEVEL SECURITY;
      CREATE POLICY orgs_all ON wall.orgs FOR ALL USING (true);
      ${tenantTable('good')};
      ${tenantTable('not_enabled', { enable: false })};
      ${tenantTable('not_forced', { force: false })};
      ${tenantTable('no_policies', { policies: [] })};
      ${tenantTable('read_only_policy', {
        policies: [
          `CREATE POLICY read ON wall.read_only_policy FOR SELECT
           USING (org_id = verified_org())`,
        ],
      })};
      ${tenantTable('open_policy', {
        policies: [
          policy('open_policy'),
          'CREATE POLICY everyone ON wall.open_policy FOR SELECT USING (true)',
        ],
      })};
      ${tenantTable('unsigned_policy', {
        policies: [
          `CREATE POLICY tenant ON wall.unsigned_policy FOR ALL
           USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
           WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid)`,
        ],
      })};
      ${tenantTable('keyed_by_id', { key: 'PRIMARY KEY (id)' })};
      ${tenantTable('nullable_org', {
        columns: 'org_id uuid REFERENCES wall.orgs (id), id uuid NOT NULL',
        key: 'UNIQUE (org_id, id)',
      })};
      ${tenantTable('keyed_twice', { key: 'PRIMARY KEY (org_id, id), UNIQUE (id)' })};
      ${tenantTable('points_by_id', {
        columns:
          'org_id uuid NOT NULL REFERENCES wall.orgs (id), id uuid NOT NULL, twice_id uuid REFERENCES wall.keyed_twice (id)',
      })};
      ${tenantTable('unaudited', { audited: false })};
      ${tenantTable('subquery_policy', {
        policies: [
          `CREATE POLICY tenant ON wall.subquery_policy FOR ALL
           USING (org_id = verified_org()
                  AND EXISTS (SELECT FROM wall.orgs o WHERE o.id = org_id))
           WITH CHECK (org_id = verified_org())`,
        ],
      })};
      ${tenantTable('clears_one_column', {
        columns: `${linked}, FOREIGN KEY (org_id, good_id) REFERENCES wall.good (org_id, id) ON DELETE SET NULL (good_id)`,
      })};
      ${tenantTable('clears_org_id_too', {
        columns: `${linked}, FOREIGN KEY (org_id, good_id) REFERENCES wall.good (org_id, id) ON DELETE SET DEFAULT`,
      })};
      ${tenantTable('cascades_updates', {
        columns: `${linked}, FOREIGN KEY (org_id, good_id) REFERENCES wall.good (org_id, id) ON UPDATE CASCADE`,
      })};
      ${tenantTable('names_itself')};
      CREATE FUNCTION wall.touch_named() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE NOTICE 'changed %', TG_TABLE_NAME;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER names_itself_touch AFTER UPDATE ON wall.names_itself
        FOR EACH ROW EXECUTE FUNCTION wall.touch_named();
      CREATE TABLE wall.global_pointing_in (good_org uuid, good_id uuid,
        FOREIGN KEY (good_org, good_id) REFERENCES wall.good (org_id, id));
      ${tenantTable('ruled')};
      CREATE RULE ruled_keep AS ON DELETE TO wall.ruled DO INSTEAD NOTHING;
      ${tenantTable('narrow_identity', {
        columns:
          'org_id uuid NOT NULL REFERENCES wall.orgs (id), id uuid NOT NULL, n integer GENERATED ALWAYS AS IDENTITY',
      })};
      ${tenantTable('audit_log', { audited: false })};
      CREATE TABLE wall.owned_by_role (note text);
      ALTER TABLE wall.owned_by_role OWNER TO ${role};
      GRANT SELECT, INSERT, TRUNCATE ON wall.audit_log TO ${role};
      GRANT SELECT, UPDATE, DELETE, TRUNCATE ON wall.read_only_policy TO ${role};
    `);

    const violations = await findTenantWallViolations(owner, 'wall', { appRole: role });
    expect(summary(violations)).toEqual(
      [
        'orgs: rls_not_forced',
        'orgs: no_tenant_read_policy',
        'orgs: policy_not_tenant_scoped',
        'not_enabled: rls_disabled',
        'not_forced: rls_not_forced',
        'no_policies: no_tenant_read_policy',
        'no_policies: no_tenant_write_check',
        'read_only_policy: no_tenant_write_check',
        'read_only_policy: command_without_tenant_policy',
        'read_only_policy: command_without_tenant_policy',
        'open_policy: policy_not_tenant_scoped',
        'unsigned_policy: no_tenant_read_policy',
        'unsigned_policy: no_tenant_write_check',
        'unsigned_policy: policy_not_tenant_scoped',
        'keyed_by_id: primary_key_not_led_by_org_id',
        'nullable_org: org_id_not_uuid_not_null',
        'nullable_org: primary_key_not_led_by_org_id',
        'points_by_id: foreign_key_without_org_id',
        'unaudited: no_audit_trigger',
        'keyed_twice: unique_without_org_id',
        'subquery_policy: policy_with_subquery',
        'clears_one_column: foreign_key_delete_sets_column',
        'clears_org_id_too: foreign_key_delete_sets_column',
        'cascades_updates: foreign_key_update_action_on_org_id',
        'names_itself: trigger_reads_table_name',
        'global_pointing_in: global_table_references_tenant_table',
        'ruled: rule_on_table',
        'narrow_identity: sequence_not_bigint',
        `${role}: role_not_api_member`,
        `${role}: role_bypassrls`,
        `${role}: role_owns_tables`,
        `${role}: role_writes_audit_log`,
        `${role}: role_truncates_tenant_table`,
      ].sort(),
    );
    const messages = violations.map((violation) => violation.message).join('\n');
    expect(messages).toContain('may INSERT, TRUNCATE on wall.audit_log');
    expect(messages).toContain('owns wall.owned_by_role');
    expect(messages).toContain('foreign key points_by_id_twice_id_fkey to keyed_twice');
    expect(messages).toContain('ON DELETE SET NULL (good_id), which Citus refuses');
    expect(messages).toContain('ON DELETE SET DEFAULT on all its columns, org_id included');
    expect(messages).toContain('reads TG_TABLE_NAME');
    expect(messages).toContain('has a sub-query in USING');
    expect(messages).toContain('policy tenant does not compare org_id with verified_org()');
    expect(messages).toContain('the API may UPDATE but no policy');
    expect(messages).toContain('the API may DELETE but no policy');

    const superuser = await scratchRole('super', 'NOLOGIN SUPERUSER');
    const asSuperuser = summary(
      await findTenantWallViolations(owner, 'public', { appRole: superuser }),
    );
    expect(asSuperuser).toEqual(
      expect.arrayContaining([
        `${superuser}: role_superuser`,
        `${superuser}: role_writes_audit_log`,
        `${superuser}: role_truncates_tenant_table`,
      ]),
    );
  });
});

describe('the API refuses an unsafe database role', () => {
  const queryOf = (client: pg.Client) => (text: string) => client.query(text);

  async function connect(url: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }

  it('accepts the restricted app role', async () => {
    const app = await connect(db.appUrl);
    try {
      await expect(assertSafeAppRole(queryOf(app))).resolves.toBeUndefined();
    } finally {
      await app.end();
    }
  });

  it('refuses a superuser', async () => {
    await expect(assertSafeAppRole(queryOf(owner))).rejects.toThrow(UnsafeRoleError);
    await expect(assertSafeAppRole(queryOf(owner))).rejects.toThrow(/is a superuser/);
  });

  it('refuses a role that owns a table, and one that bypasses row-level security', async () => {
    const tableOwner = await scratchRole('owner', 'NOLOGIN NOSUPERUSER NOBYPASSRLS');
    const bypasser = await scratchRole('bypass', 'NOLOGIN NOSUPERUSER BYPASSRLS');
    await owner.query(
      `CREATE TABLE public.scratch_owned (id int); ALTER TABLE public.scratch_owned OWNER TO ${tableOwner}`,
    );
    // A dedicated connection, one transaction per role: SET LOCAL ROLE ends with it.
    for (const [role, problem] of [
      [tableOwner, /owns tables \(scratch_owned\)/],
      [bypasser, /has BYPASSRLS/],
    ] as const) {
      await owner.query('BEGIN');
      try {
        await owner.query(`SET LOCAL ROLE ${role}`);
        await expect(assertSafeAppRole(queryOf(owner))).rejects.toThrow(problem);
      } finally {
        await owner.query('ROLLBACK');
      }
    }
    await owner.query('DROP TABLE public.scratch_owned');
  });
});
