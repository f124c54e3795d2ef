import type { ApiBody, ApiResult } from '$lib/api';

export type Account = ApiResult<'/api/v1/accounts', 'get'>['data'][number];
export type AccountDetail = ApiResult<'/api/v1/accounts/{account_id}', 'get'>;
export type AccountInput = ApiBody<'/api/v1/accounts', 'post'>;
export type Contact = ApiResult<'/api/v1/contacts/{contact_id}', 'get'>;
export type ContactInput = ApiBody<'/api/v1/contacts', 'post'>;
export type Deal = NonNullable<ApiResult<'/api/v1/deals', 'get'>['data'][number]>;

/** Industries offered as suggestions and filters; an account may name any other. */
export const commonIndustries = [
  'Agriculture',
  'Construction',
  'Education',
  'Financial services',
  'Food & beverage',
  'Healthcare',
  'Manufacturing',
  'Media',
  'Retail',
  'Security',
  'Software',
  'Telecommunications',
  'Transportation',
  'Wholesale',
];

export function contactName(contact: Pick<Contact, 'first_name' | 'last_name'>): string {
  return `${contact.first_name} ${contact.last_name}`.trim();
}

const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatCount(value: number | null): string {
  return value === null ? '' : count.format(value);
}

/**
 * null for an empty box, else the number; what is not a number goes as typed, so the API
 * names the problem at the field.
 */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replaceAll(',', '');
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : (trimmed as unknown as number);
}
