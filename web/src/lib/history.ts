/** Readable names for what the audit trail records: fields, events and values. */

/** Fields that say nothing to a person: keys, timestamps, ordering and search data. */
const HIDDEN = new Set([
  'id',
  'org_id',
  'created_at',
  'updated_at',
  'created_by',
  'search_vector',
  'stage_rank',
  'rank',
]);

const FIELDS: Record<string, string> = {
  stage_id: 'Stage',
  pipeline_id: 'Pipeline',
  owner_id: 'Owner',
  account_id: 'Account',
  primary_contact_id: 'Primary contact',
  contact_ids: 'Contacts',
  converted_deal_id: 'Converted to deal',
  converted_account_id: 'Converted to account',
  converted_contact_id: 'Converted to contact',
  deal_id: 'Deal',
  lead_id: 'Lead',
  contact_id: 'Contact',
  user_id: 'Member',
  tag_id: 'Tag',
  team_id: 'Team',
  estimated_value: 'Estimated value',
  expected_close_date: 'Expected close date',
  next_follow_up_at: 'Next follow-up',
  lost_reason: 'Lost reason',
  do_not_contact: 'Do not contact',
  due_at: 'Due',
  completed_at: 'Completed',
  converted_at: 'Converted',
  job_title: 'Job title',
  annual_revenue: 'Annual revenue',
};

const EVENTS: Record<string, string> = {
  insert: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.password_reset': 'Password reset',
  'auth.switch_org': 'Switched organization',
  'auth.refresh_reuse': 'Session token reused',
  'invitation.created': 'Invitation created',
  'invitation.accepted': 'Invitation accepted',
  'invitation.revoked': 'Invitation revoked',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
};

/** The audit log's events, for a filter. */
export const eventOptions = Object.entries(EVENTS).map(([value, label]) => ({ value, label }));

export function isShownField(field: string): boolean {
  return !HIDDEN.has(field);
}

/** `stage_id` -> `Stage`, `first_name` -> `First name`. */
export function fieldLabel(field: string): string {
  const known = FIELDS[field];
  if (known) return known;
  const words = field.replace(/_id$/, '').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `auth.login` -> `Signed in`; an unknown event reads as its words. */
export function eventLabel(action: string): string {
  const known = EVENTS[action.toLowerCase()];
  if (known) return known;
  const words = action.replaceAll(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A recorded value as text: names for the ids the page knows, Yes/No, dates, — for none. */
export function valueText(value: unknown, nameOf?: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (UUID.test(value)) return nameOf?.(value) || 'another record';
    if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
      return when.format(new Date(value));
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => valueText(item, nameOf)).join(', ');
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** A table as people name it: `deal_contacts` -> `deal contacts`. */
export function tableLabel(table: string): string {
  return table.replaceAll('_', ' ');
}
