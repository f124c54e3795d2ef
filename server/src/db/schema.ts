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
}

export interface Database {
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
