import type { RecordType } from '../../db/schema.js';

/** The column through which tasks, notes and tags point at each kind of record. */
export const ATTACHMENT_COLUMN = {
  lead: 'lead_id',
  account: 'account_id',
  contact: 'contact_id',
  opportunity: 'opportunity_id',
} as const satisfies Record<RecordType, string>;

export const RECORD_TABLE = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
} as const satisfies Record<RecordType, string>;

export const RECORD_TYPES = Object.keys(RECORD_TABLE) as RecordType[];
