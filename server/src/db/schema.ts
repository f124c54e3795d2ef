import type { ColumnType, Generated } from 'kysely';

/** Column set by a default on insert and never written by the API afterwards. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** Column set by a default on insert and by a trigger on update. */
type UpdatedAt = ColumnType<Date, Date | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** Not selectable by the API role: read through auth_find_user_by_email(). */
  password_hash: ColumnType<never, string, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrgsTable {
  id: string;
  name: string;
  currency: Generated<string>;
  locale: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface MembershipsTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  role: 'owner' | 'admin' | 'member';
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface InvitationsTable {
  org_id: string;
  id: Generated<string>;
  email: string;
  role: 'admin' | 'member';
  token_hash: Buffer;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface TeamsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface TeamMembersTable {
  org_id: string;
  id: Generated<string>;
  team_id: string;
  user_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: Buffer;
  session_org_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: Buffer | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface LoginAttemptsTable {
  email_key: Buffer;
  failures: number;
  locked_until: Date | null;
  updated_at: Date;
}

export type EmailStatus = 'queued' | 'sent' | 'kept' | 'failed';

export interface EmailOutboxTable {
  org_id: string;
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface AuditLogTable {
  org_id: string;
  id: ColumnType<number, never, never>;
  occurred_at: ColumnType<Date, never, never>;
  actor_id: string | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  changes: Json;
  /** The import whose batch made the change, if one did. */
  import_id: ColumnType<string | null, never, never>;
}

export interface Database extends CrmDatabase {
  users: UsersTable;
  orgs: OrgsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  refresh_tokens: RefreshTokensTable;
  password_resets: PasswordResetsTable;
  login_attempts: LoginAttemptsTable;
  email_outbox: EmailOutboxTable;
  audit_log: AuditLogTable;
}

// CRM records ---------------------------------------------------------------------------------

type Money = ColumnType<string, string | number, string | number>;
type NullableMoney = ColumnType<string | null, string | number | null, string | number | null>;
/** A timestamp the API may write as an ISO string. */
type NullableMoment = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Address = ColumnType<Record<string, string>, string | undefined, string>;

/** Columns every CRM record has. */
interface RecordColumns {
  org_id: string;
  id: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export type Source =
  'web' | 'referral' | 'cold_call' | 'event' | 'partner' | 'advertisement' | 'other';

export interface PipelinesTable extends RecordColumns {
  name: string;
  is_default: Generated<boolean>;
  position: Generated<number>;
}

export type StageKind = 'open' | 'won' | 'lost';

export interface PipelineStagesTable extends RecordColumns {
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: Generated<StageKind>;
}

export interface TagsTable extends RecordColumns {
  name: string;
  color: Generated<string>;
}

/** A generated column (`name_fold()` of others): read and compared, never written. */
type Folded = ColumnType<string | null, never, never>;

export interface AccountsTable extends RecordColumns {
  name: string;
  website: string | null;
  domain: string | null;
  industry: string | null;
  phone: string | null;
  email: string | null;
  employees: number | null;
  annual_revenue: NullableMoney;
  billing_address: Address;
  shipping_address: Address;
  description: Generated<string>;
  owner_id: string | null;
  name_folded: Folded;
  domain_folded: Folded;
}

export interface ContactsTable extends RecordColumns {
  first_name: Generated<string>;
  last_name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job_title: string | null;
  department: string | null;
  account_id: string | null;
  do_not_contact: Generated<boolean>;
  address: Address;
  description: Generated<string>;
  owner_id: string | null;
  name_folded: Folded;
}

export interface DealsTable extends RecordColumns {
  name: string;
  account_id: string | null;
  primary_contact_id: string | null;
  amount: Money;
  currency: Generated<string>;
  pipeline_id: string;
  stage_id: string;
  stage_rank: Generated<number>;
  stage_entered_at: Generated<Date>;
  expected_close_date: ColumnType<string | null, string | null | undefined, string | null>;
  probability: number;
  source: Source | null;
  closed_at: NullableMoment;
  lost_reason: string | null;
  description: Generated<string>;
  owner_id: string | null;
}

export interface DealContactsTable extends RecordColumns {
  deal_id: string;
  contact_id: string;
  role: Generated<string>;
}

export interface DealStageHistoryTable extends RecordColumns {
  deal_id: string;
  stage_id: string;
  entered_at: Generated<Date>;
  left_at: NullableMoment;
}

export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted';

export interface LeadsTable extends RecordColumns {
  first_name: Generated<string>;
  last_name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  job_title: string | null;
  website: string | null;
  status: Generated<LeadStatus>;
  source: Source | null;
  rating: 'hot' | 'warm' | 'cold' | null;
  estimated_value: NullableMoney;
  currency: Generated<string>;
  address: Address;
  description: Generated<string>;
  owner_id: string | null;
  last_contacted_at: NullableMoment;
  next_follow_up_at: NullableMoment;
  converted_at: NullableMoment;
  converted_account_id: string | null;
  converted_contact_id: string | null;
  converted_deal_id: string | null;
  name_folded: Folded;
  company_folded: Folded;
}

/** The four kinds of record that tasks, notes and tags attach to, one column each. */
interface AttachedTo {
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
}

export type TaskStatus = 'open' | 'in_progress' | 'done';
export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TaskType = 'call' | 'meeting' | 'email' | 'todo';

export interface TasksTable extends RecordColumns, AttachedTo {
  title: string;
  description: Generated<string>;
  due_at: NullableMoment;
  priority: Generated<TaskPriority>;
  type: Generated<TaskType>;
  status: Generated<TaskStatus>;
  assignee_id: string | null;
  completed_at: NullableMoment;
  due_notified_at: NullableMoment;
}

export interface NotesTable extends RecordColumns, AttachedTo {
  body: string;
}

export interface RecordTagsTable extends RecordColumns, AttachedTo {
  tag_id: string;
}

export type NotificationKind = 'record_assigned' | 'task_assigned' | 'task_due';
export type RecordType = 'lead' | 'account' | 'contact' | 'deal';

export interface NotificationsTable extends RecordColumns {
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: Generated<string>;
  record_type: RecordType | 'task' | null;
  record_id: string | null;
  read_at: NullableMoment;
  emailed_at: NullableMoment;
}

export interface NotificationPreferencesTable extends RecordColumns {
  user_id: string;
  email_on_assignment: Generated<boolean>;
  email_on_task_due: Generated<boolean>;
  daily_digest: Generated<boolean>;
  /** The UTC day the daily digest last went out, as `YYYY-MM-DD`. */
  last_digest_on: ColumnType<Date | null, string | null | undefined, string | null>;
}

/** The ids of the sample records loaded into an organization, one row per organization. */
export interface SampleDataSetsTable extends RecordColumns {
  tag_ids: string[];
  account_ids: string[];
  contact_ids: string[];
  lead_ids: string[];
  deal_ids: string[];
  task_ids: string[];
  note_ids: string[];
}

export interface SearchTermsTable {
  org_id: string;
  id: ColumnType<number, never, never>;
  record_type: RecordType;
  record_id: string;
  term: string;
  weight: number;
}

export type ImportStatus =
  'uploaded' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed' | 'undone';

/** A jsonb column: written as JSON text, read as the value. */
type JsonColumn<T> = ColumnType<T, string, string>;

export interface ImportsTable extends RecordColumns {
  kind: RecordType;
  file_name: string;
  status: Generated<ImportStatus>;
  encoding: string;
  delimiter: string;
  columns: JsonColumn<unknown>;
  row_count: Generated<number>;
  ragged_count: Generated<number>;
  ragged_lines: Generated<number[]>;
  mapping: JsonColumn<unknown> | null;
  options: JsonColumn<unknown> | null;
  dry_run: JsonColumn<unknown> | null;
  counts: JsonColumn<unknown> | null;
  rows_done: Generated<number>;
  last_line: Generated<number>;
  started_at: NullableMoment;
  heartbeat_at: NullableMoment;
  finished_at: NullableMoment;
  error: string | null;
  undone_at: NullableMoment;
  undone_by: string | null;
}

export interface ImportRowsTable {
  org_id: string;
  import_id: string;
  line: number;
  cells: JsonColumn<string[]>;
}

export interface ImportRejectionsTable {
  org_id: string;
  import_id: string;
  phase: 'dry_run' | 'run';
  line: number;
  problems: JsonColumn<{ column: string; reason: string }[]>;
}

export interface ImportRecordsTable {
  org_id: string;
  import_id: string;
  record_type: RecordType;
  record_id: string;
  action: 'created' | 'updated';
  previous: JsonColumn<Record<string, unknown>>;
  applied_at: ColumnType<Date, Date | undefined, never>;
}

export interface ImportTemplatesTable extends RecordColumns {
  name: string;
  kind: RecordType;
  /** Which header of a file goes to which field. */
  mapping: JsonColumn<{ header: string; field: string }[]>;
}

export interface CrmDatabase {
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  import_rejections: ImportRejectionsTable;
  import_records: ImportRecordsTable;
  import_templates: ImportTemplatesTable;
  pipelines: PipelinesTable;
  pipeline_stages: PipelineStagesTable;
  tags: TagsTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  deals: DealsTable;
  deal_contacts: DealContactsTable;
  deal_stage_history: DealStageHistoryTable;
  leads: LeadsTable;
  tasks: TasksTable;
  notes: NotesTable;
  record_tags: RecordTagsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  sample_data_sets: SampleDataSetsTable;
  search_terms: SearchTermsTable;
}
