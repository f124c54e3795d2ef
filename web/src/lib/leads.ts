import type { ApiBody, ApiResult } from './api';

export type Lead = ApiResult<'/api/v1/leads/{lead_id}', 'get'>;
export type LeadInput = ApiBody<'/api/v1/leads', 'post'>;
export type LeadStatus = Lead['status'];

export const statusOptions: { value: LeadStatus; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'qualified', label: 'Qualified' },
  { value: 'unqualified', label: 'Unqualified' },
  { value: 'converted', label: 'Converted' },
];

export const sourceOptions = [
  { value: 'web', label: 'Web' },
  { value: 'referral', label: 'Referral' },
  { value: 'cold_call', label: 'Cold call' },
  { value: 'event', label: 'Event' },
  { value: 'partner', label: 'Partner' },
  { value: 'advertisement', label: 'Advertisement' },
  { value: 'other', label: 'Other' },
] as const;

export function labelOf(
  options: readonly { value: string; label: string }[],
  value: string | null,
): string {
  return options.find((option) => option.value === value)?.label ?? '';
}

export function leadName(lead: Pick<Lead, 'first_name' | 'last_name'>): string {
  return `${lead.first_name} ${lead.last_name}`.trim();
}
