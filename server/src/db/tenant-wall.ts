/**
 * Reads the catalog and lists every way a schema breaks the tenant wall (DESIGN.md, principles
 * 1, 2, 4 and 8), and every way it would stop Citus from distributing the tenant tables by
 * `org_id` (see `checkCitusReadiness`). Tables are found by their `org_id` column, never by
 * name, so a table added by a later migration is checked without anyone remembering to list it.
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
  | 'role_truncates_tenant_table'
  | 'policy_with_subquery'
  | 'foreign_key_delete_sets_column'
  | 'foreign_key_update_action_on_org_id'
  | 'trigger_reads_table_name'
  | 'global_table_references_tenant_table'
  | 'unique_without_org_id'
  | 'rule_on_table'
  | 'sequence_not_bigint';

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
  /**
   * Tables whose policies may still hold a sub-query, which Citus refuses: `users` and `orgs`
   * read `memberships` across organizations (fellow members, the organization switcher). They
   * are the known work left before a move to Citus (docs/operations.md); any other table fails.
   */
  subqueryPolicyTables?: string[];
}

/**
 * An expression that compares org_id with the transaction's verified organization: the one its
 * signed tenant context names. The unsigned settings (`app.current_org`) prove nothing.
 */
function isTenantScoped(expression: string | null, column = 'org_id'): boolean {
  if (!expression) return false;
  return new RegExp(`\\b${column}\\b`).test(expression) && /\bverified_org\(\)/.test(expression);
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
  table_name: string;
  name: string;
  command: 'r' | 'a' | 'w' | 'd' | '*';
  permissive: boolean;
  using_expr: string | null;
  check_expr: string | null;
}

interface ForeignKeyRow {
  table_oid: number;
  source: string;
  source_has_org_id: boolean;
  name: string;
  /** confdeltype and confupdtype: a no action, r restrict, c cascade, n set null, d set default. */
  on_delete: string;
  on_update: string;
  /** The columns an ON DELETE SET NULL/SET DEFAULT names (PostgreSQL 15), or null for all. */
  delete_set_columns: string[] | null;
  target: string;
  target_oid: number;
  pairs: Array<{ from: string; to: string }>;
}

interface TriggerRow {
  table_oid: number;
  events: number;
  row_level: boolean;
  enabled: boolean;
  function: string;
}

const COMMANDS = { SELECT: 'r', INSERT: 'a', UPDATE: 'w', DELETE: 'd' } as const;

/** Audit functions run by statement, auditing every row from the transition tables. */
const STATEMENT_AUDIT = new Set(['audit_record_changes', 'audit_custom_field_value_changes']);

export async function findTenantWallViolations(
  client: Queryable,
  schema: string,
  options: WallOptions = {},
): Promise<WallViolation[]> {
  const appRole = options.appRole === undefined ? 'rampart_app' : options.appRole;
  const apiGroupRole = options.apiGroupRole ?? 'rampart_api';
  const rootTable = options.rootTable ?? 'orgs';
  // The audit log itself, and the search index, which is derived from audited records.
  // The pieces of an export's file, or of a file uploaded to restore, are bytes, not records:
  // the export and the restore themselves are audited. An
  // import's bookkeeping (its rows as uploaded, rejections, progress, what it wrote) would put
  // a million entries in the trail for a million-row file: the trail records the import as one
  // event instead, and the records it writes are audited as any others. An idempotency key
  // keeps a copy of an answer for a day, not a record: what its request changed is audited.
  // A deleted file's key waiting for its bytes to be removed is bookkeeping of the file's
  // deletion, which the files table's own trigger records.
  const unaudited = new Set(
    options.unauditedTables ?? [
      'audit_log',
      'search_terms',
      'org_export_chunks',
      'org_restore_chunks',
      'imports',
      'import_rows',
      'import_rejections',
      'import_records',
      'idempotency_keys',
      'file_blob_removals',
    ],
  );
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
      `SELECT p.polrelid::int AS table_oid, c.relname AS table_name, p.polname AS name,
         p.polcmd AS command,
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
      `SELECT con.conrelid::int AS table_oid, source.relname AS source,
         EXISTS (SELECT FROM pg_attribute sa WHERE sa.attrelid = con.conrelid
                 AND sa.attname = 'org_id' AND NOT sa.attisdropped) AS source_has_org_id,
         con.conname AS name, con.confdeltype AS on_delete, con.confupdtype AS on_update,
         (SELECT array_agg(da.attname::text ORDER BY da.attnum) FROM pg_attribute da
          WHERE da.attrelid = con.conrelid AND da.attnum = ANY (con.confdelsetcols)
         ) AS delete_set_columns,
         target.relname AS target, target.oid::int AS target_oid,
         (SELECT json_agg(json_build_object('from', fa.attname, 'to', ta.attname))
          FROM unnest(con.conkey, con.confkey) AS k(from_col, to_col)
          JOIN pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = k.from_col
          JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.to_col
         ) AS pairs
       FROM pg_constraint con
       JOIN pg_class source ON source.oid = con.conrelid
       JOIN pg_class target ON target.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = con.connamespace
       WHERE con.contype = 'f' AND n.nspname = $1`,
      [schema],
    )
  ).rows as ForeignKeyRow[];

  // tgtype bits: 1 row-level, 4 insert, 8 delete, 16 update. audit_record_changes() is run by
  // statement and audits every row the statement wrote, from its transition tables.
  const triggers = (
    await client.query(
      `SELECT t.tgrelid::int AS table_oid, (t.tgtype::int & 28) AS events,
         (t.tgtype::int & 1) = 1 AS row_level, t.tgenabled <> 'D' AS enabled,
         p.proname AS function
       FROM pg_trigger t
       JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND n.nspname = $1
         -- audit_record_change(), a table's own variant of it (audit_record_change_of_*), or
         -- its statement forms: audit_record_changes(), and for custom field values (whose
         -- entries name their record) audit_custom_field_value_changes().
         AND (p.proname IN ('audit_record_change', 'audit_record_changes',
             'audit_custom_field_value_changes')
           OR p.proname LIKE 'audit\\_record\\_change\\_of\\_%')`,
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
          `${name}: policy ${policy.name} does not compare org_id with verified_org()`,
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
          (trigger) =>
            trigger.table_oid === table.oid &&
            trigger.enabled &&
            // The row functions see one row: by statement they would audit none.
            trigger.row_level === !STATEMENT_AUDIT.has(trigger.function),
        )
        .reduce((all, trigger) => all | trigger.events, 0);
      if (events !== 28) {
        report(
          name,
          'no_audit_trigger',
          `${name} has no enabled trigger calling audit_record_change() or audit_record_changes() on INSERT, UPDATE and DELETE`,
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
          `${rootTable}: policy ${policy.name} does not compare id with verified_org()`,
        );
      }
    }
  }

  await checkCitusReadiness(client, schema, {
    tenantTables,
    policies,
    foreignKeys,
    subqueryPolicyTables: new Set(options.subqueryPolicyTables ?? ['users', 'orgs']),
    report,
  });
  if (appRole)
    await checkAppRole(client, schema, appRole, apiGroupRole, tenantTables, granted, report);
  return violations;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/**
 * What Citus refuses once the tenant tables are distributed by `org_id` and the global ones are
 * reference tables (docs/operations.md, "The path to Citus"), so that the schema stays ready
 * for it without a Citus in the tests:
 *
 * - Policies with a sub-query: refused on every table Citus manages, reference tables too
 *   ("Subqueries are not supported in policies on distributed tables", ErrorIfUnsupportedPolicyExpr
 *   in citusdata/citus src/backend/distributed/commands/policy.c).
 * - ON DELETE SET NULL or SET DEFAULT, with or without a column list, on a foreign key that
 *   holds the distribution column, and ON UPDATE SET NULL, SET DEFAULT or CASCADE on one
 *   (EnsureSupportedFKeyOnDistKey in src/backend/distributed/commands/foreign_constraint.c:
 *   "SET NULL or SET DEFAULT is not supported in ON DELETE operation when distribution key is
 *   included in the foreign key constraint").
 * - Foreign keys from reference tables to distributed tables, and primary keys and unique
 *   constraints without the distribution column (https://docs.citusdata.com/en/stable/develop/
 *   reference_ddl.html, "Adding/Removing Constraints").
 * - Triggers fire on shards, whose names are not the table's (an error on a distributed
 *   table names "events_102055": https://docs.citusdata.com/en/stable/admin_guide/
 *   cluster_management.html#row-level-security), and Citus' own trigger examples take the table
 *   they act on as an argument (https://docs.citusdata.com/en/stable/extra/triggers.html): a
 *   trigger function must not read TG_TABLE_NAME, TG_RELNAME, TG_TABLE_SCHEMA or TG_RELID.
 * - The rule system is not supported, and sequences narrower than bigint fail for inserts on
 *   workers (https://docs.citusdata.com/en/stable/develop/reference_workarounds.html,
 *   "Limitations").
 */
async function checkCitusReadiness(
  client: Queryable,
  schema: string,
  context: {
    tenantTables: TableRow[];
    policies: PolicyRow[];
    foreignKeys: ForeignKeyRow[];
    subqueryPolicyTables: Set<string>;
    report: (subject: string, rule: WallRule, message: string) => void;
  },
): Promise<void> {
  const { tenantTables, policies, foreignKeys, subqueryPolicyTables, report } = context;
  const tenantOids = new Set(tenantTables.map((table) => table.oid));

  for (const policy of policies) {
    if (subqueryPolicyTables.has(policy.table_name)) continue;
    for (const [clause, expression] of [
      ['USING', policy.using_expr],
      ['WITH CHECK', policy.check_expr],
    ] as const) {
      if (expression && /\bSELECT\b/i.test(expression)) {
        report(
          policy.table_name,
          'policy_with_subquery',
          `${policy.table_name}: policy ${policy.name} has a sub-query in ${clause}, which Citus refuses in a policy`,
        );
      }
    }
  }

  for (const fk of foreignKeys) {
    const holdsOrgId = fk.source_has_org_id && fk.pairs.some((pair) => pair.from === 'org_id');
    if (holdsOrgId && (fk.on_delete === 'n' || fk.on_delete === 'd')) {
      const action = REFERENTIAL_ACTIONS[fk.on_delete];
      report(
        fk.source,
        'foreign_key_delete_sets_column',
        fk.delete_set_columns
          ? `${fk.source}: foreign key ${fk.name} holds org_id and says ON DELETE ${action} (${fk.delete_set_columns.join(', ')}), which Citus refuses: clear the link with a trigger (clear_references)`
          : `${fk.source}: foreign key ${fk.name} says ON DELETE ${action} on all its columns, org_id included`,
      );
    }
    if (holdsOrgId && fk.on_update in REFERENTIAL_ACTIONS) {
      report(
        fk.source,
        'foreign_key_update_action_on_org_id',
        `${fk.source}: foreign key ${fk.name} holds org_id and says ON UPDATE ${REFERENTIAL_ACTIONS[fk.on_update]}, which Citus refuses`,
      );
    }
    if (!fk.source_has_org_id && tenantOids.has(fk.target_oid)) {
      report(
        fk.source,
        'global_table_references_tenant_table',
        `${fk.source}: foreign key ${fk.name} points from a table without org_id at the tenant table ${fk.target}; Citus refuses keys from reference tables to distributed tables`,
      );
    }
  }

  const triggers = (
    await client.query(
      `SELECT c.relname AS table_name, t.tgname AS name, p.proname AS function,
         p.prosrc AS source
       FROM pg_trigger t
       JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND n.nspname = $1 AND c.relkind IN ('r', 'p')`,
      [schema],
    )
  ).rows as Array<{ table_name: string; name: string; function: string; source: string }>;
  for (const trigger of triggers) {
    const code = trigger.source.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const read = /\bTG_(TABLE_NAME|RELNAME|TABLE_SCHEMA|RELID)\b/i.exec(code);
    if (read) {
      report(
        trigger.table_name,
        'trigger_reads_table_name',
        `${trigger.table_name}: trigger ${trigger.name} runs ${trigger.function}(), which reads ${read[0]}: on Citus that is a shard's name; take the table or kind as an argument`,
      );
    }
  }

  const { rows } = await client.query(
    `SELECT c.relname AS table_name, 'unique' AS problem, i.indexrelid::regclass::text AS detail
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
     WHERE c.relnamespace = $1::regnamespace AND i.indisunique AND NOT i.indisprimary
       AND NOT (a.attnum = ANY (i.indkey))
     UNION ALL
     SELECT c.relname, 'rule', r.rulename::text
     FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
     WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p')
     UNION ALL
     SELECT c.relname, 'sequence', a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p')
       AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid <> 'bigint'::regtype
       AND EXISTS (SELECT FROM pg_attribute o WHERE o.attrelid = c.oid AND o.attname = 'org_id')
       AND (a.attidentity <> '' OR EXISTS (
         SELECT FROM pg_attrdef d WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum
           AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'))
     ORDER BY 1, 2, 3`,
    [schema],
  );
  for (const row of rows as Array<{ table_name: string; problem: string; detail: string }>) {
    if (row.problem === 'unique') {
      report(
        row.table_name,
        'unique_without_org_id',
        `${row.table_name}: unique index ${row.detail} does not include org_id, which Citus requires of unique constraints`,
      );
    } else if (row.problem === 'rule') {
      report(
        row.table_name,
        'rule_on_table',
        `${row.table_name}: rule ${row.detail}; Citus does not support the rule system`,
      );
    } else {
      report(
        row.table_name,
        'sequence_not_bigint',
        `${row.table_name}: ${row.detail} takes its values from a sequence narrower than bigint, which fails for inserts on Citus workers`,
      );
    }
  }
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
