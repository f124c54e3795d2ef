import { Type, type TProperties } from 'typebox';
import { Timestamp, Uuid, VisibleText } from '../../http/schemas.js';
import {
  Currency,
  Money,
  Nullable,
  RecordMeta,
  Source,
  stageKind,
  StageKindSchema,
  TagIds,
  CustomFieldsInput,
} from '../records/schemas.js';

export const DealSchema = Type.Object(
  {
    ...RecordMeta,
    name: Type.String(),
    account_id: Nullable(Uuid),
    account_name: Nullable(Type.String({ description: "The account's name" })),
    primary_contact_id: Nullable(Uuid),
    contact_ids: Type.Array(Uuid, { description: 'Other contacts involved in the deal' }),
    amount: Type.Number(),
    currency: Type.String(),
    pipeline_id: Uuid,
    stage_id: Uuid,
    status: stageKind({ description: "The kind of the deal's stage" }),
    stage_rank: Type.Number({ description: "Order within the stage's board column" }),
    stage_entered_at: Timestamp,
    expected_close_date: Nullable(Type.String({ format: 'date' })),
    probability: Type.Integer(),
    source: Nullable(Source),
    closed_at: Nullable(Timestamp),
    lost_reason: Nullable(Type.String()),
    description: Type.String(),
  },
  { $id: 'Deal' },
);

const Name = VisibleText({ maxLength: 300, examples: ['Acme renewal'] });
const CloseDate = Type.String({ format: 'date', examples: ['2026-06-30'] });

const writable = {
  account_id: Type.Optional(Nullable(Uuid)),
  primary_contact_id: Type.Optional(Nullable(Uuid)),
  contact_ids: Type.Optional(
    Type.Array(Uuid, {
      maxItems: 50,
      uniqueItems: true,
      description: 'Other contacts involved; replaces the list',
    }),
  ),
  amount: Type.Optional(Money),
  currency: Type.Optional(Currency),
  pipeline_id: Type.Optional(
    Type.Union([Uuid], { description: 'Defaults to the default pipeline' }),
  ),
  stage_id: Type.Optional(
    Type.Union([Uuid], {
      description: "A stage of the deal's pipeline; defaults to its first open stage",
    }),
  ),
  expected_close_date: Type.Optional(Nullable(CloseDate)),
  probability: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 100,
      examples: [60],
      description: 'Percent; follows the stage unless given',
    }),
  ),
  source: Type.Optional(Nullable(Source)),
  lost_reason: Type.Optional(Nullable(Type.String({ maxLength: 1000, examples: ['Price'] }))),
  description: Type.Optional(Type.String({ maxLength: 20000, examples: ['Three-year renewal'] })),
  owner_id: Type.Optional(Nullable(Uuid)),
  tag_ids: Type.Optional(TagIds),
  custom_fields: Type.Optional(CustomFieldsInput),
} satisfies TProperties;

export const DealCreate = Type.Object({ ...writable, name: Name }, { additionalProperties: false });
export const DealUpdate = Type.Object(
  { ...writable, name: Type.Optional(Name) },
  { additionalProperties: false, minProperties: 1 },
);

export const DealParams = Type.Object({ deal_id: Uuid });

export const StageVisitSchema = Type.Object({
  id: Uuid,
  stage_id: Uuid,
  stage_name: Type.String(),
  kind: StageKindSchema,
  pipeline_id: Uuid,
  entered_at: Timestamp,
  left_at: Nullable(Timestamp),
});
