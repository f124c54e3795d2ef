// Generated from the server's OpenAPI document by `npm run api:generate -w web`. Do not edit.

/** The kinds of CRM record, in the order the app lists them. */
export const RECORD_KINDS = [
  {
    "kind": "lead",
    "path": "leads",
    "label": {
      "one": "Lead",
      "many": "leads"
    },
    "attachmentField": "lead_id"
  },
  {
    "kind": "account",
    "path": "accounts",
    "label": {
      "one": "Account",
      "many": "accounts"
    },
    "attachmentField": "account_id"
  },
  {
    "kind": "contact",
    "path": "contacts",
    "label": {
      "one": "Contact",
      "many": "contacts"
    },
    "attachmentField": "contact_id"
  },
  {
    "kind": "deal",
    "path": "deals",
    "label": {
      "one": "Deal",
      "many": "deals"
    },
    "attachmentField": "deal_id"
  }
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];
export type RecordType = RecordKind['kind'];
