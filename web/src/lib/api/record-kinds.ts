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
    "attachmentField": "lead_id",
    "filters": {
      "q": "string",
      "owner_id": "string",
      "team_id": "string",
      "tag_id": "string",
      "created_from": "string",
      "created_to": "string",
      "updated_from": "string",
      "updated_to": "string",
      "cf": "array",
      "status": "array",
      "source": "string",
      "rating": "string"
    }
  },
  {
    "kind": "account",
    "path": "accounts",
    "label": {
      "one": "Account",
      "many": "accounts"
    },
    "attachmentField": "account_id",
    "filters": {
      "q": "string",
      "owner_id": "string",
      "team_id": "string",
      "tag_id": "string",
      "created_from": "string",
      "created_to": "string",
      "updated_from": "string",
      "updated_to": "string",
      "cf": "array",
      "industry": "string"
    }
  },
  {
    "kind": "contact",
    "path": "contacts",
    "label": {
      "one": "Contact",
      "many": "contacts"
    },
    "attachmentField": "contact_id",
    "filters": {
      "q": "string",
      "owner_id": "string",
      "team_id": "string",
      "tag_id": "string",
      "created_from": "string",
      "created_to": "string",
      "updated_from": "string",
      "updated_to": "string",
      "cf": "array",
      "account_id": "string",
      "do_not_contact": "boolean"
    }
  },
  {
    "kind": "deal",
    "path": "deals",
    "label": {
      "one": "Deal",
      "many": "deals"
    },
    "attachmentField": "deal_id",
    "filters": {
      "q": "string",
      "owner_id": "string",
      "team_id": "string",
      "tag_id": "string",
      "created_from": "string",
      "created_to": "string",
      "updated_from": "string",
      "updated_to": "string",
      "stage_id": "string",
      "status": "array",
      "account_id": "string",
      "contact_id": "string",
      "close_from": "string",
      "close_to": "string",
      "pipeline_id": "string",
      "cf": "array"
    }
  }
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];
export type RecordType = RecordKind['kind'];

/** The most records one bulk action takes through its `filter` ("select all matching"). */
export const BULK_MATCHING_LIMIT = 5000;
