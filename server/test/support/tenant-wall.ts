/**
 * Reads the catalog and lists every way a schema breaks the tenant wall (DESIGN.md, principles
 * 1, 2, 4 and 8). Tables are found by their `org_id` column, never by name, so a table added by
 * a later migration is checked without anyone remembering to list it.
 */

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export type WallRule =
  | 'org_id_not_uuid_not_null'
  | 'rls_disabled'
  | 'rls_not_forced'
  | 'no_tenant_read_policy'
  | 'no_tenant_write_check'
  | 'command_without_tenant_policy'
  | 'policy_not_tenant_scoped'
  | 'primary_key_not_led_by_org_id'
  | 'foreign_key_without_org_id'
  | 'no_audit_trigger'
  | 'role_missing'
  | 'role_not_api_member'
  | 'role_superuser'
  | 'role_bypassrls'
  | 'role_owns_tables'
  | 'role_writes_audit_log'
  | 'role_truncates_tenant_table';

export interface WallViolation {
  /** The table, or the role for role rules. */
  subject: string;
  rule: WallRule;
  message: string;
}

export interface WallOptions {
  /** The role the API logs in as. Its checks are skipped when null. */
  appRole?: string | null;
  /** The group role holding the API's privileges. */
  apiGroupRole?: string;
  /** The tenant root: keyed by `id`, which is the `org_id` of every tenant row. */
  rootTable?: string;
  /** Tenant tables that are not audited by trigger: the audit log itself. */
  unauditedTables?: string[];
}

/** An expression that compares org_id with the transaction's tenant setting. */
function isTenantScoped(expression: string | null, column = 'org_id'): boolean {
  if (!expression) return false;
  return (
    new RegExp(`\\b${column}\\b`).test(expression) &&
    /current_setting\('app\.current_org'/.test(expression)
  );
}

interface TableRow {
  oid: number;
  name: string;
  rls: boolean;
  forced: boolean;
  org_type: string | null;
  org_not_null: boolean | null;
  org_attnum: number | null;
  pk_first_column: string | null;
}

interface PolicyRow {
  table_oid: number;
  name: string;
  command: 'r' | 'a' | 'w' | 'd' | '*';
  permissive: boolean;
  using_expr: string | null;
  check_expr: string | null;
}

interface ForeignKeyRow {
  table_oid: number;
  name: string;
  target: string;
  target_oid: number;
  pairs: Array<{ from: string; to: string }>;
}

interface TriggerRow {
  table_oid: number;
  events: number;
  row_level: boolean;
  enabled: boolean;
}

const COMMANDS = { SELECT: 'r', INSERT: 'a', UPDATE: 'w', DELETE: 'd' } as const;

export async function findTenantWallViolations(
  client: Queryable,
  schema: string,
  options: WallOptions = {},
): Promise<WallViolation[]> {
  const appRole = options.appRole === undefined ? 'rampart_app' : options.appRole;
  const apiGroupRole = options.apiGroupRole ?? 'rampart_api';
  const rootTable = options.rootTable ?? 'orgs';
  // The audit log itself, and the search index, which is derived from audited records.
  const unaudited = new Set(options.unauditedTables ?? ['audit_log', 'search_terms']);
  const violations: WallViolation[] = [];
  const report = (subject: string, rule: WallRule, message: string) =>
    violations.push({ subject, rule, message });

  const tables = (
    await client.query(
      `SELECT c.oid::int AS oid, c.relname AS name, c.relrowsecurity AS rls,
         c.relforcerowsecurity AS forced,
         format_type(a.atttypid, a.atttypmod) AS org_type, a.attnotnull AS org_not_null,
         a.attnum::int AS org_attnum,
         (SELECT pa.attname FROM pg_index i
            JOIN pg_attribute pa ON pa.attrelid = i.indrelid AND pa.attnum = i.indkey[0]
          WHERE i.indrelid = c.oid AND i.indisprimary) AS pk_first_column
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a
         ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
         AND (a.attnum IS NOT NULL OR c.relname = $2)`,
      [schema, rootTable],
    )
  ).rows as TableRow[];
  const root = tables.find((table) => table.name === rootTable && table.org_attnum === null);
  const tenantTables = tables.filter((table) => table.org_attnum !== null);
  const byOid = new Map(tables.map((table) => [table.oid, table]));

  const policies = (
    await client.query(
      `SELECT p.polrelid::int AS table_oid, p.polname AS name, p.polcmd AS command,
         p.polpermissive AS permissive,
         pg_get_expr(p.polqual, p.polrelid) AS using_expr,
         pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
       FROM pg_policy p
       JOIN pg_class c ON c.oid = p.polrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1`,
      [schema],
    )
  ).rows as PolicyRow[];

  const foreignKeys = (
    await client.query(
      `SELECT con.conrelid::int AS table_oid, con.conname AS name,
         target.relname AS target, target.oid::int AS target_oid,
         (SELECT json_agg(json_build_object('from', fa.attname, 'to', ta.attname))
          FROM unnest(con.conkey, con.confkey) AS k(from_col, to_col)
          JOIN pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = k.from_col
          JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.to_col
         ) AS pairs
       FROM pg_constraint con
       JOIN pg_class target ON target.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = con.connamespace
       WHERE con.contype = 'f' AND n.nspname = $1`,
      [schema],
    )
  ).rows as ForeignKeyRow[];

  // tgtype bits: 1 row-level, 4 insert, 8 delete, 16 update.
  const triggers = (
    await client.query(
      `SELECT t.tgrelid::int AS table_oid, (t.tgtype::int & 28) AS events,
         (t.tgtype::int & 1) = 1 AS row_level, t.tgenabled <> 'D' AS enabled
       FROM pg_trigger t
       JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND n.nspname = $1
         -- audit_record_change(), or a table's own variant of it (audit_record_change_of_*).
         AND (p.proname = 'audit_record_change' OR p.proname LIKE 'audit\\_record\\_change\\_of\\_%')`,
      [schema],
    )
  ).rows as TriggerRow[];

  const granted = new Map<number, Set<string>>();
  if (appRole) {
    const { rows } = await client.query(
      `SELECT c.oid::int AS oid, array(
         SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p
         WHERE has_table_privilege($2, c.oid, p)
            OR (p IN ('SELECT', 'INSERT', 'UPDATE') AND has_any_column_privilege($2, c.oid, p))
       ) AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
         AND EXISTS (SELECT FROM pg_roles WHERE rolname = $2)`,
      [schema, appRole],
    );
    for (const row of rows as Array<{ oid: number; privileges: string[] }>) {
      granted.set(row.oid, new Set(row.privileges));
    }
  }

  const policiesOf = (oid: number) => policies.filter((policy) => policy.table_oid === oid);
  const covers = (policy: PolicyRow, command: 'r' | 'a' | 'w' | 'd') =>
    policy.command === command || policy.command === '*';
  // For ALL and UPDATE policies without WITH CHECK, PostgreSQL checks new rows with USING.
  const effectiveCheck = (policy: PolicyRow) =>
    policy.check_expr ??
    (policy.command === '*' || policy.command === 'w' ? policy.using_expr : null);

  for (const table of tenantTables) {
    const name = table.name;
    if (table.org_type !== 'uuid' || !table.org_not_null) {
      report(
        name,
        'org_id_not_uuid_not_null',
        `${name}.org_id is ${table.org_type}, nullable or not`,
      );
    }
    if (!table.rls) report(name, 'rls_disabled', `${name} does not ENABLE ROW LEVEL SECURITY`);
    if (!table.forced) report(name, 'rls_not_forced', `${name} does not FORCE ROW LEVEL SECURITY`);

    const own = policiesOf(table.oid);
    const permissive = own.filter((policy) => policy.permissive);
    if (!permissive.some((policy) => covers(policy, 'r') && isTenantScoped(policy.using_expr))) {
      report(name, 'no_tenant_read_policy', `${name} has no policy reading by org_id (USING)`);
    }
    if (!permissive.some((policy) => isTenantScoped(effectiveCheck(policy)))) {
      report(name, 'no_tenant_write_check', `${name} has no policy writing by org_id (WITH CHECK)`);
    }
    // Every command the API may run must meet a policy on org_id; one it may not run is
    // refused by the privileges, and without a policy it would touch no row anyway.
    const privileges = granted.get(table.oid) ?? new Set<string>();
    for (const [command, code] of Object.entries(COMMANDS)) {
      if (command === 'SELECT' || !privileges.has(command)) continue;
      const scoped = permissive.some(
        (policy) =>
          covers(policy, code) &&
          (code === 'a' ? true : isTenantScoped(policy.using_expr)) &&
          (code === 'd' ? true : isTenantScoped(effectiveCheck(policy))),
      );
      if (!scoped) {
        report(
          name,
          'command_without_tenant_policy',
          `${name}: the API may ${command} but no policy for it compares org_id`,
        );
      }
    }
    // Permissive policies are OR-ed: one that is not about the tenant opens the table.
    for (const policy of permissive) {
      const expressions = [policy.using_expr, policy.check_expr].filter(
        (expression): expression is string => expression !== null,
      );
      if (expressions.some((expression) => !isTenantScoped(expression))) {
        report(
          name,
          'policy_not_tenant_scoped',
          `${name}: policy ${policy.name} does not compare org_id with app.current_org`,
        );
      }
    }

    if (table.pk_first_column !== 'org_id') {
      report(
        name,
        'primary_key_not_led_by_org_id',
        `${name}: the primary key ${table.pk_first_column ? `starts with ${table.pk_first_column}` : 'is missing'}, not org_id`,
      );
    }

    for (const fk of foreignKeys.filter((key) => key.table_oid === table.oid)) {
      const target = byOid.get(fk.target_oid);
      if (!target) continue;
      const tenantColumn = target === root ? 'id' : 'org_id';
      if (!fk.pairs.some((pair) => pair.from === 'org_id' && pair.to === tenantColumn)) {
        report(
          name,
          'foreign_key_without_org_id',
          `${name}: foreign key ${fk.name} to ${fk.target} does not match org_id with ${tenantColumn}`,
        );
      }
    }

    if (!unaudited.has(name)) {
      const events = triggers
        .filter(
          (trigger) => trigger.table_oid === table.oid && trigger.row_level && trigger.enabled,
        )
        .reduce((all, trigger) => all | trigger.events, 0);
      if (events !== 28) {
        report(
          name,
          'no_audit_trigger',
          `${name} has no enabled row trigger calling audit_record_change() on INSERT, UPDATE and DELETE`,
        );
      }
    }
  }

  if (!root) {
    report(rootTable, 'rls_disabled', `the tenant root ${schema}.${rootTable} is missing`);
  } else {
    if (!root.rls)
      report(rootTable, 'rls_disabled', `${rootTable} does not ENABLE ROW LEVEL SECURITY`);
    if (!root.forced)
      report(rootTable, 'rls_not_forced', `${rootTable} does not FORCE ROW LEVEL SECURITY`);
    const permissive = policiesOf(root.oid).filter((policy) => policy.permissive);
    if (
      !permissive.some((policy) => covers(policy, 'r') && isTenantScoped(policy.using_expr, 'id'))
    ) {
      report(rootTable, 'no_tenant_read_policy', `${rootTable} has no policy reading by id`);
    }
    for (const policy of permissive) {
      const expressions = [policy.using_expr, policy.check_expr].filter(
        (expression): expression is string => expression !== null,
      );
      if (expressions.some((expression) => !isTenantScoped(expression, 'id'))) {
        report(
          rootTable,
          'policy_not_tenant_scoped',
          `${rootTable}: policy ${policy.name} does not compare id with app.current_org`,
        );
      }
    }
  }

  if (appRole)
    await checkAppRole(client, schema, appRole, apiGroupRole, tenantTables, granted, report);
  return violations;
}

async function checkAppRole(
  client: Queryable,
  schema: string,
  appRole: string,
  apiGroupRole: string,
  tenantTables: TableRow[],
  granted: Map<number, Set<string>>,
  report: (subject: string, rule: WallRule, message: string) => void,
): Promise<void> {
  const { rows } = await client.query(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
       EXISTS (SELECT FROM pg_roles g WHERE g.rolname = $2)
         AND pg_has_role(r.oid, (SELECT g.oid FROM pg_roles g WHERE g.rolname = $2), 'MEMBER')
         AS api_member,
       array(
         SELECT n.nspname || '.' || c.relname FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND pg_has_role(r.oid, c.relowner, 'USAGE')
         ORDER BY 1) AS owned
     FROM pg_roles r WHERE r.rolname = $1`,
    [appRole, apiGroupRole],
  );
  const role = rows[0] as
    { superuser: boolean; bypassrls: boolean; api_member: boolean; owned: string[] } | undefined;
  if (!role) {
    report(appRole, 'role_missing', `the role ${appRole} does not exist`);
    return;
  }
  if (!role.api_member) {
    report(appRole, 'role_not_api_member', `${appRole} is not a member of ${apiGroupRole}`);
  }
  if (role.superuser) report(appRole, 'role_superuser', `${appRole} is a superuser`);
  if (role.bypassrls) report(appRole, 'role_bypassrls', `${appRole} has BYPASSRLS`);
  if (role.owned.length > 0) {
    report(appRole, 'role_owns_tables', `${appRole} owns ${role.owned.slice(0, 5).join(', ')}`);
  }
  const auditLog = tenantTables.find((table) => table.name === 'audit_log');
  const auditPrivileges = auditLog ? (granted.get(auditLog.oid) ?? new Set()) : new Set();
  const writes = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'].filter((p) => auditPrivileges.has(p));
  if (writes.length > 0) {
    report(
      appRole,
      'role_writes_audit_log',
      `${appRole} may ${writes.join(', ')} on ${schema}.audit_log: history could be rewritten`,
    );
  }
  // TRUNCATE ignores row-level security: it would empty every organization's rows at once.
  for (const table of tenantTables) {
    if (table.name !== 'audit_log' && granted.get(table.oid)?.has('TRUNCATE')) {
      report(
        appRole,
        'role_truncates_tenant_table',
        `${appRole} may TRUNCATE ${schema}.${table.name}, which ignores row-level security`,
      );
    }
  }
}
