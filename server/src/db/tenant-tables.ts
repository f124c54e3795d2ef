/**
 * The tables that hold an organization's rows (each has `org_id`). A test compares this list
 * with the migrated catalog, so a new tenant table cannot be left out of it.
 */
export const TENANT_TABLES: ReadonlySet<string> = new Set([
  'accounts',
  'audit_log',
  'contacts',
  'deal_contacts',
  'deal_stage_history',
  'deals',
  'email_outbox',
  'import_records',
  'import_rejections',
  'import_rows',
  'import_templates',
  'imports',
  'invitations',
  'leads',
  'memberships',
  'notes',
  'notification_preferences',
  'notifications',
  'pipeline_stages',
  'pipelines',
  'record_tags',
  'sample_data_sets',
  'search_terms',
  'tags',
  'tasks',
  'team_members',
  'teams',
]);
