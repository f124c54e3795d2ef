// Generated from the migrated database by `npm run db:schema`: do not edit by hand.
// test/db-schema.test.ts fails when this file and db/migrations disagree.
import type { ColumnType, Generated } from 'kysely';

/** Set by a default on insert and never written by the API afterwards. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** Set by a default on insert and by a trigger on update. */
type UpdatedAt = ColumnType<Date, Date | undefined, never>;
/** Kept by the database (generated, identity and counted columns): read, never written. */
type ReadOnly<T> = ColumnType<T, never, never>;
/** jsonb: written as JSON text, read as the value. */
type Json = ColumnType<unknown, string, string>;
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
type Address = ColumnType<Record<string, string>, string | undefined, string>;
/** numeric: pg returns a string so that no precision is lost; the API may write numbers. */
type Money = ColumnType<string, string | number, string | number>;
type NullableMoney = ColumnType<string | null, string | number | null, string | number | null>;
/** A timestamp the API may write as an ISO string. */
type NullableMoment = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar day, written as `YYYY-MM-DD`. */
type NullableDay = ColumnType<Date | null, string | null | undefined, string | null>;

export const CUSTOM_FIELD_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'datetime', 'checkbox', 'select', 'multi_select', 'url', 'email', 'phone', 'member'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const SOURCES = ['web', 'referral', 'cold_call', 'event', 'partner', 'advertisement', 'other'] as const;
export type Source = (typeof SOURCES)[number];

export const EMAIL_STATUSES = ['queued', 'retrying', 'sent', 'kept', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const RECORD_EMAIL_DIRECTIONS = ['sent', 'received'] as const;
export type RecordEmailDirection = (typeof RECORD_EMAIL_DIRECTIONS)[number];

export const RECORD_EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type RecordEmailStatus = (typeof RECORD_EMAIL_STATUSES)[number];

export const IMPORT_STATUSES = ['uploaded', 'checking', 'queued', 'running', 'completed', 'cancelled', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const INVITED_ROLES = ['admin', 'member'] as const;
export type InvitedRole = (typeof INVITED_ROLES)[number];

export const LEAD_RATINGS = ['hot', 'warm', 'cold'] as const;
export type LeadRating = (typeof LEAD_RATINGS)[number];

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const NOTIFICATION_KINDS = ['record_assigned', 'task_assigned', 'task_due', 'export_ready', 'email_failed', 'mentioned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const RESTORE_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const RECORD_TYPES = ['lead', 'account', 'contact', 'deal'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_TYPES = ['call', 'meeting', 'email', 'todo'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export interface AccountsTable {
  org_id: string;
  id: Generated<string>;
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
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  name_folded: ReadOnly<string | null>;
  domain_folded: ReadOnly<string | null>;
  phone_folded: ReadOnly<string | null>;
  row_version: ReadOnly<number>;
}

export interface AuditLogTable {
  org_id: string;
  id: ReadOnly<number>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  action: string;
  table_name: string | null;
  record_id: string | null;
  changes: JsonWithDefault;
  import_id: string | null;
}

export interface CalendarFeedsTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  token_hash: Buffer;
  revoked_at: NullableMoment;
  last_read_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface ContactsTable {
  org_id: string;
  id: Generated<string>;
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
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  name_folded: ReadOnly<string | null>;
  phone_folded: ReadOnly<string | null>;
  row_version: ReadOnly<number>;
}

export interface CustomFieldOptionsTable {
  org_id: string;
  id: Generated<string>;
  field_id: string;
  label: string;
  color: Generated<string>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface CustomFieldValuesTable {
  org_id: string;
  id: Generated<string>;
  field_id: string;
  record_id: string;
  value_text: string | null;
  value_long: string | null;
  value_number: number | null;
  value_date: NullableDay;
  value_time: NullableMoment;
  value_bool: boolean | null;
  value_option: string | null;
  value_member: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface CustomFieldsTable {
  org_id: string;
  id: Generated<string>;
  record_type: string;
  key: string;
  label: string;
  field_type: CustomFieldType;
  required: Generated<boolean>;
  default_value: NullableJson;
  description: Generated<string>;
  position: Generated<number>;
  archived_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface DealContactsTable {
  org_id: string;
  id: Generated<string>;
  deal_id: string;
  contact_id: string;
  role: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface DealStageHistoryTable {
  org_id: string;
  id: Generated<string>;
  deal_id: string;
  stage_id: string;
  entered_at: Generated<Date>;
  left_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface DealsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  account_id: string | null;
  primary_contact_id: string | null;
  amount: Money;
  currency: Generated<string>;
  pipeline_id: string;
  stage_id: string;
  stage_rank: Generated<number>;
  stage_entered_at: Generated<Date>;
  expected_close_date: NullableDay;
  probability: number;
  source: Source | null;
  closed_at: NullableMoment;
  lost_reason: string | null;
  description: Generated<string>;
  owner_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  row_version: ReadOnly<number>;
}

export interface EmailLinksTable {
  org_id: string;
  id: Generated<string>;
  email_id: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
}

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
  sent_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  next_attempt_at: NullableMoment;
}

export interface EmailSettingsTable {
  org_id: string;
  id: Generated<string>;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_secure: Generated<boolean>;
  smtp_username: string | null;
  smtp_password_sealed: Buffer | null;
  from_address: string | null;
  logging_secret_version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface EmailTemplatesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  subject: string;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface EmailsTable {
  org_id: string;
  id: Generated<string>;
  direction: RecordEmailDirection;
  status: RecordEmailStatus | null;
  from_address: string;
  to_addresses: Generated<string[]>;
  cc_addresses: Generated<string[]>;
  subject: Generated<string>;
  body_text: Generated<string>;
  message_id: string | null;
  email_template_id: string | null;
  error: string | null;
  attempts: Generated<number>;
  occurred_at: Generated<Date>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface FileBlobRemovalsTable {
  org_id: string;
  blob_key: string;
  created_at: CreatedAt;
}

export interface FilesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  blob_key: string;
  note_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
}

export interface IdempotencyKeysTable {
  org_id: string;
  key: string;
  fingerprint: Buffer;
  response_status: number | null;
  response_body: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string;
}

export interface ImportRecordsTable {
  org_id: string;
  import_id: string;
  record_type: 'lead' | 'account' | 'contact' | 'deal';
  record_id: string;
  action: 'created' | 'updated';
  previous: JsonWithDefault;
  applied_at: Generated<Date>;
}

export interface ImportRejectionsTable {
  org_id: string;
  import_id: string;
  phase: 'dry_run' | 'run';
  line: number;
  problems: Json;
}

export interface ImportRowsTable {
  org_id: string;
  import_id: string;
  line: number;
  cells: Json;
}

export interface ImportTemplatesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  kind: 'lead' | 'account' | 'contact' | 'deal';
  mapping: Json;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface ImportsTable {
  org_id: string;
  id: Generated<string>;
  kind: 'lead' | 'account' | 'contact' | 'deal';
  file_name: string;
  status: Generated<ImportStatus>;
  encoding: string;
  delimiter: string;
  columns: JsonWithDefault;
  row_count: Generated<number>;
  ragged_count: Generated<number>;
  ragged_lines: Generated<number[]>;
  mapping: NullableJson;
  options: NullableJson;
  dry_run: NullableJson;
  counts: NullableJson;
  rows_done: Generated<number>;
  last_line: Generated<number>;
  started_at: NullableMoment;
  heartbeat_at: NullableMoment;
  finished_at: NullableMoment;
  error: string | null;
  undone_at: NullableMoment;
  undone_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  checking_since: NullableMoment;
  notices: JsonWithDefault;
  notices_total: Generated<number>;
}

export interface InvitationsTable {
  org_id: string;
  id: Generated<string>;
  email: string;
  role: InvitedRole;
  token_hash: Buffer;
  expires_at: Date;
  accepted_at: NullableMoment;
  accepted_by: string | null;
  revoked_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface JobWorkersTable {
  id: string;
  started_at: Generated<Date>;
  seen_at: Generated<Date>;
}

export interface LeadsTable {
  org_id: string;
  id: Generated<string>;
  first_name: Generated<string>;
  last_name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  job_title: string | null;
  website: string | null;
  status: Generated<LeadStatus>;
  source: Source | null;
  rating: LeadRating | null;
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
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  name_folded: ReadOnly<string | null>;
  company_folded: ReadOnly<string | null>;
  phone_folded: ReadOnly<string | null>;
  do_not_contact: Generated<boolean>;
  row_version: ReadOnly<number>;
}

export interface LoginAttemptsTable {
  email_key: Buffer;
  failures: Generated<number>;
  locked_until: NullableMoment;
  updated_at: Generated<Date>;
}

export interface MembershipsTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  role: MemberRole;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface MergedRecordsTable {
  org_id: string;
  id: string;
  record_type: 'lead' | 'contact' | 'account';
  survivor_id: string;
  merged_at: Generated<Date>;
  merged_by: string | null;
}

export interface NotesTable {
  org_id: string;
  id: Generated<string>;
  body: string;
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  row_version: ReadOnly<number>;
}

export interface NotificationPreferencesTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  email_on_assignment: Generated<boolean>;
  email_on_task_due: Generated<boolean>;
  daily_digest: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  last_digest_on: NullableDay;
}

export interface NotificationsTable {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: Generated<string>;
  record_type: 'lead' | 'account' | 'contact' | 'deal' | 'task' | null;
  record_id: string | null;
  read_at: NullableMoment;
  emailed_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface OrgExportChunksTable {
  org_id: string;
  export_id: string;
  seq: number;
  data: Buffer;
}

export interface OrgExportsTable {
  org_id: string;
  id: Generated<string>;
  status: Generated<'queued' | 'running' | 'ready' | 'failed' | 'expired'>;
  files_done: Generated<number>;
  files_total: Generated<number>;
  rows_done: Generated<number>;
  byte_size: number | null;
  sha256: string | null;
  error: string | null;
  started_at: NullableMoment;
  finished_at: NullableMoment;
  expires_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface OrgRestoreChunksTable {
  org_id: string;
  restore_id: string;
  file_name: string;
  seq: number;
  data: Buffer;
}

export interface OrgRestoresTable {
  org_id: string;
  id: Generated<string>;
  status: Generated<RestoreStatus>;
  file_name: string;
  source_organization_id: string;
  schema_version: string;
  exported_at: Date;
  files_done: Generated<number>;
  files_total: number;
  rows_total: number;
  rows_done: Generated<number>;
  result: NullableJson;
  error: string | null;
  started_at: NullableMoment;
  finished_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface OrgsTable {
  id: string;
  name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  currency: Generated<string>;
  locale: Generated<string>;
  max_file_bytes: Generated<number>;
  suspended_at: NullableMoment;
  definitions_version: Generated<string>;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: Buffer | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: NullableMoment;
  sent_at: NullableMoment;
}

export interface PendingSignupsTable {
  user_id: string;
  email: string;
  name: string;
  org_name: string;
  password_hash: string;
  token_hash: Buffer | null;
  created_at: CreatedAt;
  expires_at: Date;
  sent_at: NullableMoment;
}

export interface PipelineStagesTable {
  org_id: string;
  id: Generated<string>;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: Generated<StageKind>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface PipelinesTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  is_default: Generated<boolean>;
  position: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface RecordKindsTable {
  kind: string;
  table_name: string;
  position: number;
}

export interface RecordTagsTable {
  org_id: string;
  id: Generated<string>;
  tag_id: string;
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
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
  used_at: NullableMoment;
  revoked_at: NullableMoment;
  successor_sealed: Buffer | null;
}

export interface SampleDataSetsTable {
  org_id: string;
  id: Generated<string>;
  tag_ids: Generated<string[]>;
  account_ids: Generated<string[]>;
  contact_ids: Generated<string[]>;
  lead_ids: Generated<string[]>;
  deal_ids: Generated<string[]>;
  task_ids: Generated<string[]>;
  note_ids: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface SavedViewDefaultsTable {
  org_id: string;
  user_id: string;
  kind: string;
  view_id: string;
  created_at: CreatedAt;
}

export interface SavedViewsTable {
  org_id: string;
  id: Generated<string>;
  kind: string;
  name: string;
  filter: JsonWithDefault;
  sort: string | null;
  columns: NullableJson;
  user_id: string | null;
  org_default: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface SearchTermsTable {
  org_id: string;
  id: ReadOnly<number>;
  record_type: RecordType;
  record_id: string;
  term: string;
  weight: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  field_id: string | null;
}

export interface TagsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  color: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface TasksTable {
  org_id: string;
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  due_at: NullableMoment;
  priority: Generated<TaskPriority>;
  status: Generated<TaskStatus>;
  assignee_id: string | null;
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  completed_at: NullableMoment;
  due_notified_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
  type: Generated<TaskType>;
  row_version: ReadOnly<number>;
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

export interface TeamsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface TenantContextKeysTable {
  id: number;
  inner_pad: Buffer;
  outer_pad: Buffer;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  /** Not selectable by the API role: read through auth_find_user_by_email(). */
  password_hash: ColumnType<never, string, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WebFormsTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  fields: Json;
  thank_you_message: Generated<string>;
  redirect_url: string | null;
  owner_id: string | null;
  team_id: string | null;
  last_assigned_user_id: string | null;
  active: Generated<boolean>;
  secret_version: Generated<number>;
  secret_hash: Buffer;
  submission_count: Generated<number>;
  last_submitted_at: NullableMoment;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  created_by: string | null;
}

export interface Database {
  accounts: AccountsTable;
  audit_log: AuditLogTable;
  calendar_feeds: CalendarFeedsTable;
  contacts: ContactsTable;
  custom_field_options: CustomFieldOptionsTable;
  custom_field_values: CustomFieldValuesTable;
  custom_fields: CustomFieldsTable;
  deal_contacts: DealContactsTable;
  deal_stage_history: DealStageHistoryTable;
  deals: DealsTable;
  email_links: EmailLinksTable;
  email_outbox: EmailOutboxTable;
  email_settings: EmailSettingsTable;
  email_templates: EmailTemplatesTable;
  emails: EmailsTable;
  file_blob_removals: FileBlobRemovalsTable;
  files: FilesTable;
  idempotency_keys: IdempotencyKeysTable;
  import_records: ImportRecordsTable;
  import_rejections: ImportRejectionsTable;
  import_rows: ImportRowsTable;
  import_templates: ImportTemplatesTable;
  imports: ImportsTable;
  invitations: InvitationsTable;
  job_workers: JobWorkersTable;
  leads: LeadsTable;
  login_attempts: LoginAttemptsTable;
  memberships: MembershipsTable;
  merged_records: MergedRecordsTable;
  notes: NotesTable;
  notification_preferences: NotificationPreferencesTable;
  notifications: NotificationsTable;
  org_export_chunks: OrgExportChunksTable;
  org_exports: OrgExportsTable;
  org_restore_chunks: OrgRestoreChunksTable;
  org_restores: OrgRestoresTable;
  orgs: OrgsTable;
  password_resets: PasswordResetsTable;
  pending_signups: PendingSignupsTable;
  pipeline_stages: PipelineStagesTable;
  pipelines: PipelinesTable;
  record_kinds: RecordKindsTable;
  record_tags: RecordTagsTable;
  refresh_tokens: RefreshTokensTable;
  sample_data_sets: SampleDataSetsTable;
  saved_view_defaults: SavedViewDefaultsTable;
  saved_views: SavedViewsTable;
  search_terms: SearchTermsTable;
  tags: TagsTable;
  tasks: TasksTable;
  team_members: TeamMembersTable;
  teams: TeamsTable;
  tenant_context_keys: TenantContextKeysTable;
  users: UsersTable;
  web_forms: WebFormsTable;
}
