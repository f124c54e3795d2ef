import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertSafeAppRole, UnsafeRoleError } from '../src/db/roles.js';
import { adminQuery } from './support/global-setup.js';
import { createTestDatabase, type TestDatabase } from './support/test-app.js';
import { findTenantWallViolations, type WallViolation } from './support/tenant-wall.js';

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

  it('reports each way a table can break it', async () => {
    const role = await scratchRole('wall', 'NOLOGIN NOSUPERUSER BYPASSRLS');
    const policy = (table: string) => `CREATE POLICY ${table}_tenant ON wall.${table} FOR ALL
      USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)
      WITH CHECK (org_id = nullif(current_setting('app.current_org', true), '')::uuid)`;
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
           FOR EACH ROW EXECUTE FUNCTION public.audit_record_change()`,
      ]
        .filter(Boolean)
        .join(';\n');

    await owner.query(`
      CREATE SCHEMA wall;
      CREATE TABLE wall.orgs (id uuid PRIMARY KEY);
      ALTER TABLE wall.orgs ENABLE ROW LEVEL SECURITY;
      CREATE POLICY orgs_all ON wall.orgs FOR ALL USING (true);
      ${tenantTable('good', { key: 'PRIMARY KEY (org_id, id), UNIQUE (id)' })};
      ${tenantTable('not_enabled', { enable: false })};
      ${tenantTable('not_forced', { force: false })};
      ${tenantTable('no_policies', { policies: [] })};
      ${tenantTable('read_only_policy', {
        policies: [
          `CREATE POLICY read ON wall.read_only_policy FOR SELECT
           USING (org_id = nullif(current_setting('app.current_org', true), '')::uuid)`,
        ],
      })};
      ${tenantTable('open_policy', {
        policies: [
          policy('open_policy'),
          'CREATE POLICY everyone ON wall.open_policy FOR SELECT USING (true)',
        ],
      })};
      ${tenantTable('keyed_by_id', { key: 'PRIMARY KEY (id)' })};
      ${tenantTable('nullable_org', {
        columns: 'org_id uuid REFERENCES wall.orgs (id), id uuid NOT NULL',
        key: 'UNIQUE (org_id, id)',
      })};
      ${tenantTable('points_by_id', {
        columns:
          'org_id uuid NOT NULL REFERENCES wall.orgs (id), id uuid NOT NULL, good_id uuid REFERENCES wall.good (id)',
      })};
      ${tenantTable('unaudited', { audited: false })};
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
        'keyed_by_id: primary_key_not_led_by_org_id',
        'nullable_org: org_id_not_uuid_not_null',
        'nullable_org: primary_key_not_led_by_org_id',
        'points_by_id: foreign_key_without_org_id',
        'unaudited: no_audit_trigger',
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
    expect(messages).toContain('foreign key points_by_id_good_id_fkey to good');
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
