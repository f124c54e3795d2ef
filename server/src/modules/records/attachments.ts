import { Type, type TProperties } from 'typebox';
import { invalidField, referenceNotFound } from '../../http/errors.js';
import { Uuid } from '../../http/schemas.js';
import { Nullable } from './schemas.js';

/**
 * The record a task or a note is attached to. The API calls a deal `deal_id`; its column is
 * `opportunity_id`, like the table.
 */

export const ATTACHMENT_FIELDS = ['lead_id', 'account_id', 'contact_id', 'deal_id'] as const;
export type AttachmentField = (typeof ATTACHMENT_FIELDS)[number];
export type AttachmentInput = { [F in AttachmentField]?: string | null };

export interface AttachmentColumns {
  lead_id: string | null;
  account_id: string | null;
  contact_id: string | null;
  opportunity_id: string | null;
}

/** The four fields as request properties, each optional. */
export const AttachmentProperties = {
  lead_id: Type.Optional(Nullable(Uuid)),
  account_id: Type.Optional(Nullable(Uuid)),
  contact_id: Type.Optional(Nullable(Uuid)),
  deal_id: Type.Optional(Nullable(Uuid)),
} satisfies TProperties;

/** The four fields in a response. */
export const AttachmentResponse = {
  lead_id: Nullable(Uuid),
  account_id: Nullable(Uuid),
  contact_id: Nullable(Uuid),
  deal_id: Nullable(Uuid),
} satisfies TProperties;

/** Whether the input says anything about the attachment (a PATCH may leave it alone). */
export function mentionsAttachment(input: AttachmentInput): boolean {
  return ATTACHMENT_FIELDS.some((field) => input[field] !== undefined);
}

/**
 * The columns for the attachment the input names: at most one record, or exactly one when
 * `required`. The problem is reported on the field that broke the rule, with `statusCode`
 * (400 when the fields are query parameters).
 */
export function attachmentColumns(
  input: AttachmentInput,
  options: { required: boolean; statusCode?: number },
): AttachmentColumns {
  const given = ATTACHMENT_FIELDS.filter((field) => input[field] != null);
  const choices = ATTACHMENT_FIELDS.join(', ');
  if (given.length > 1) {
    throw invalidField(given[1]!, `only one of ${choices} may be given`, options.statusCode);
  }
  if (given.length === 0 && options.required) {
    throw invalidField(ATTACHMENT_FIELDS[0], `one of ${choices} is required`, options.statusCode);
  }
  return {
    lead_id: input.lead_id ?? null,
    account_id: input.account_id ?? null,
    contact_id: input.contact_id ?? null,
    opportunity_id: input.deal_id ?? null,
  };
}

/** A row as the API shows it: `opportunity_id` becomes `deal_id`. */
export function withDealId<R extends { opportunity_id: string | null }>(
  row: R,
): Omit<R, 'opportunity_id'> & { deal_id: string | null } {
  const { opportunity_id, ...rest } = row;
  return { ...rest, deal_id: opportunity_id };
}

/** A deal that is not a deal of this organization is reported as `deal_id`, the field sent. */
export function namingDealId<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: { code?: string; constraint?: string }) => {
    if (error.code === '23503' && error.constraint?.endsWith('_org_id_opportunity_id_fkey')) {
      throw referenceNotFound('deal_id');
    }
    throw error;
  });
}
