import { sql, type AliasedRawBuilder, type RawBuilder } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import type { ListDefinition } from '../../lib/list-query.js';

/**
 * The kinds of CRM record, said once. Everything that enumerates kinds reads this: the
 * attachments of tasks, notes and tags, bulk routes, display names, search, notification and
 * email links, sample data, and (through the OpenAPI document) the web app. The database keeps
 * the same list in `record_kinds` (see `attach_record_kind()` in the migrations); a test fails
 * when the two disagree, and `satisfies Record<RecordType, …>` fails the compile when a kind of
 * the schema is missing here.
 */
export interface RecordKindDefinition<K extends string = string> {
  kind: K;
  /** The table that holds the records. */
  table: 'leads' | 'accounts' | 'contacts' | 'deals';
  /** The API's collection path (`/api/v1/<path>`) and the web app's list address. */
  path: string;
  label: { one: string; many: string };
  /** The column (and API field) through which tasks, notes and tag links point at a record. */
  attachmentField: `${K}_id`;
  /** What a person calls one record, as SQL over the table under `alias`. */
  title: (alias: string) => RawBuilder<string>;
  /** What tells two records of the same title apart (a company, an email, a domain). */
  subtitle: (alias: string) => RawBuilder<string | null>;
  /**
   * The search trigger's fields, `<weight>:<column>[+<column>…]`, `#` before a column also
   * indexed as bare digits: what `attach_record_kind()` was given for this kind.
   */
  searchFields: readonly string[];
  /** Among hits of equal score, the lower comes first: a company before the people in it. */
  searchRank: number;
  /** How lists of the kind page and sort (`lib/list-query.ts`). */
  list: ListDefinition;
  /** The columns a record is read and returned with. */
  columns: readonly string[];
  /**
   * Values read with the record in the same statement (an account's name on a contact), over
   * `table`: the list's alias, or the table's name in RETURNING.
   */
  computed?: (table: string) => ReadonlyArray<AliasedRawBuilder<unknown, string>>;
  /** Values the record shows from rows its columns name (its account's name). */
  lookups?: readonly Lookup[];
  /** Columns that hold an object, stored as JSON. */
  json?: readonly string[];
}

function personName(alias: string): RawBuilder<string> {
  return sql<string>`concat_ws(' ', nullif(${sql.ref(`${alias}.first_name`)}, ''), ${sql.ref(`${alias}.last_name`)})`;
}

/**
 * A value shown with a record from the row one of its columns names: `value` of the row of
 * `table` whose id is the record's `by`, as `as`. A single record reads it by a sub-select in
 * its own statement; a page reads it as one set for the page (`owned.repo.ts`), for a
 * sub-select per record would run again for each record, and with it the policy's tenant check.
 */
export interface Lookup {
  as: string;
  table: 'accounts' | 'pipeline_stages';
  by: string;
  value: string;
}

const ACCOUNT_NAME: Lookup = {
  as: 'account_name',
  table: 'accounts',
  by: 'account_id',
  value: 'name',
};

/** A lookup as a sub-select over the record's row under `table`. */
export function lookupOf(lookup: Lookup, table: string): AliasedRawBuilder<unknown, string> {
  return sql`(SELECT ${sql.ref(`l.${lookup.value}`)} FROM ${sql.table(lookup.table)} l
    WHERE l.org_id = ${sql.ref(`${table}.org_id`)} AND l.id = ${sql.ref(`${table}.${lookup.by}`)})`.as(
    lookup.as,
  );
}

const RECORD_META = ['id', 'owner_id', 'created_at', 'updated_at', 'created_by'] as const;
const PERSON = [...RECORD_META, 'first_name', 'last_name', 'email', 'phone'] as const;

function column(name: string): (alias: string) => RawBuilder<string> {
  return (alias) => sql<string>`${sql.ref(`${alias}.${name}`)}`;
}

export const RECORD_KINDS = {
  lead: {
    kind: 'lead',
    table: 'leads',
    path: 'leads',
    label: { one: 'Lead', many: 'leads' },
    attachmentField: 'lead_id',
    title: personName,
    // The company, or the email when there is none: what tells two "Daniel Murphy" apart.
    subtitle: (alias) =>
      sql<
        string | null
      >`coalesce(nullif(${sql.ref(`${alias}.company`)}, ''), ${sql.ref(`${alias}.email`)})`,
    searchFields: ['3:first_name+last_name', '2:email', '2:company', '1:#phone', '1:job_title'],
    searchRank: 4,
    // The list: its table alias, the fields it sorts by (each on an index led by org_id).
    list: {
      table: 'leads',
      alias: 'l',
      recordType: 'lead',
      sorts: {
        created_at: { column: 'created_at' },
        updated_at: { column: 'updated_at' },
        last_name: { column: 'last_name' },
        company: { column: 'company', nullable: true },
        status: { column: 'status' },
        next_follow_up_at: { column: 'next_follow_up_at', nullable: true },
        estimated_value: { column: 'estimated_value', nullable: true },
      },
      defaultSort: '-created_at',
    },
    columns: [
      ...PERSON,
      'company',
      'job_title',
      'website',
      'status',
      'source',
      'rating',
      'estimated_value',
      'currency',
      'address',
      'description',
      'last_contacted_at',
      'next_follow_up_at',
      'converted_at',
      'converted_account_id',
      'converted_contact_id',
      'converted_deal_id',
      'do_not_contact',
    ],
    json: ['address'],
  },
  account: {
    kind: 'account',
    table: 'accounts',
    path: 'accounts',
    label: { one: 'Account', many: 'accounts' },
    attachmentField: 'account_id',
    title: column('name'),
    subtitle: column('domain'),
    searchFields: ['3:name', '2:domain', '2:email', '2:website', '1:#phone', '1:industry'],
    searchRank: 1,
    // The list: its table alias, the fields it sorts by (each on an index led by org_id).
    list: {
      table: 'accounts',
      alias: 'a',
      recordType: 'account',
      sorts: {
        name: { column: 'name' },
        created_at: { column: 'created_at' },
        updated_at: { column: 'updated_at' },
        annual_revenue: { column: 'annual_revenue', nullable: true },
        employees: { column: 'employees', nullable: true },
      },
      defaultSort: 'name',
    },
    columns: [
      ...RECORD_META,
      'name',
      'website',
      'domain',
      'industry',
      'phone',
      'email',
      'employees',
      'annual_revenue',
      'billing_address',
      'shipping_address',
      'description',
    ],
    json: ['billing_address', 'shipping_address'],
  },
  contact: {
    kind: 'contact',
    table: 'contacts',
    path: 'contacts',
    label: { one: 'Contact', many: 'contacts' },
    attachmentField: 'contact_id',
    title: personName,
    subtitle: column('email'),
    searchFields: ['3:first_name+last_name', '2:email', '1:#phone', '1:#mobile', '1:job_title'],
    searchRank: 2,
    // The list: its table alias, the fields it sorts by (each on an index led by org_id).
    list: {
      table: 'contacts',
      alias: 'c',
      recordType: 'contact',
      sorts: {
        last_name: { column: 'last_name' },
        created_at: { column: 'created_at' },
        updated_at: { column: 'updated_at' },
      },
      defaultSort: 'last_name',
    },
    columns: [
      ...PERSON,
      'mobile',
      'job_title',
      'department',
      'account_id',
      'do_not_contact',
      'address',
      'description',
    ],
    lookups: [ACCOUNT_NAME],
    json: ['address'],
  },
  deal: {
    kind: 'deal',
    table: 'deals',
    path: 'deals',
    label: { one: 'Deal', many: 'deals' },
    attachmentField: 'deal_id',
    title: column('name'),
    // The stage is read by its full key, so the lookup stays an index condition.
    subtitle: (alias) => sql<string | null>`concat_ws(' · ',
      ${sql.ref(`${alias}.currency`)} || ' ' || ${sql.ref(`${alias}.amount`)},
      (SELECT s.name FROM pipeline_stages s
       WHERE s.org_id = ${sql.ref(`${alias}.org_id`)} AND s.id = ${sql.ref(`${alias}.stage_id`)}))`,
    searchFields: ['3:name'],
    searchRank: 3,
    // The list: its table alias, the fields it sorts by (each on an index led by org_id).
    list: {
      table: 'deals',
      alias: 'o',
      recordType: 'deal',
      sorts: {
        created_at: { column: 'created_at' },
        updated_at: { column: 'updated_at' },
        name: { column: 'name' },
        amount: { column: 'amount' },
        expected_close_date: { column: 'expected_close_date', nullable: true },
      },
      defaultSort: '-created_at',
    },
    columns: [
      ...RECORD_META,
      'name',
      'account_id',
      'primary_contact_id',
      'amount',
      'currency',
      'pipeline_id',
      'stage_id',
      'stage_rank',
      'stage_entered_at',
      'probability',
      'source',
      'closed_at',
      'lost_reason',
      'description',
    ],
    // The date as text, so that no time zone can shift it; the stage's kind is the deal's status.
    computed: (table) => [
      sql<string | null>`${sql.ref(`${table}.expected_close_date`)}::text`.as(
        'expected_close_date',
      ),
    ],
    lookups: [
      { as: 'status', table: 'pipeline_stages', by: 'stage_id', value: 'kind' },
      ACCOUNT_NAME,
    ],
  },
} as const satisfies { [K in RecordType]: RecordKindDefinition<K> };

export type RecordKind = keyof typeof RECORD_KINDS;

/** The kinds in the order the app lists them. */
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];

export const RECORD_KIND_LIST: ReadonlyArray<(typeof RECORD_KINDS)[RecordKind]> =
  RECORD_KIND_NAMES.map((kind) => RECORD_KINDS[kind]);

/**
 * The tables of the records people work on, which every member may open: each kind's, tasks
 * and notes. Their changes are the dashboard's recent activity and the history any member may
 * read; the rest of the audit trail (memberships, invitations, the outbox...) is for admins.
 */
export const CRM_TABLES: readonly string[] = [
  ...RECORD_KIND_LIST.map((kind) => kind.table),
  'tasks',
  'notes',
];

/** The web app's address of one record. */
export function recordPath(kind: RecordKind | 'task', id: string): string {
  return kind === 'task' ? '/tasks' : `/${RECORD_KINDS[kind].path}/${id}`;
}
