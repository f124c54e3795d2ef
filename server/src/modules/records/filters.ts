import { sql } from 'kysely';
import { Type, type Static, type TObject, type TProperties } from 'typebox';
import type { RecordType } from '../../db/schema.js';
import { subquery } from '../../db/tenant.js';
import { Uuid } from '../../http/schemas.js';
import type { AnyQuery, FilterUse } from '../../lib/list-query.js';
import type { RecordKind } from './registry.js';
import { RECORD_KINDS } from './registry.js';
import {
  LeadRating,
  LeadStatus,
  ListQueryBase,
  RecordFilterBase,
  Source,
  StageKindSchema,
} from './schemas.js';
import { taggedWith } from './tags.js';
import { followingMerge } from '../merge/merge.service.js';
import {
  applyCustomFilters,
  CUSTOM_SORT,
  CustomFieldFilter,
  type ResolvedCondition,
} from '../custom-fields/custom-filters.js';

/** Filters every record list understands. */
export interface CommonFilters {
  owner_id?: string;
  team_id?: string;
  tag_id?: string;
  created_from?: string;
  created_to?: string;
  updated_from?: string;
  updated_to?: string;
}

/**
 * Applies the common filters; `from` is inclusive, `to` exclusive. `type` is null for lists of
 * things that carry no tags (tasks), whose filters have no `tag_id`.
 */
export function applyCommonFilters(
  query: AnyQuery,
  alias: string,
  type: RecordType | null,
  filters: CommonFilters,
  ownerColumn = 'owner_id',
): AnyQuery {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  let q = query;
  if (filters.owner_id) q = q.where(col(ownerColumn), '=', filters.owner_id);
  if (filters.team_id) {
    q = q.where(
      col(ownerColumn),
      'in',
      subquery.selectFrom('team_members').select('user_id').where('team_id', '=', filters.team_id),
    );
  }
  if (filters.tag_id && type) q = q.where(col('id'), 'in', taggedWith(type, filters.tag_id));
  if (filters.created_from) q = q.where(col('created_at'), '>=', filters.created_from);
  if (filters.created_to) q = q.where(col('created_at'), '<', filters.created_to);
  if (filters.updated_from) q = q.where(col('updated_at'), '>=', filters.updated_from);
  if (filters.updated_to) q = q.where(col('updated_at'), '<', filters.updated_to);
  return q;
}

/** A kind's own filters: the query parameters its list takes, and what they do to a query. */
export interface KindFilters {
  properties: TProperties;
  /** Applies the kind's filters and the common ones on a query over the list's alias. */
  apply: (query: AnyQuery, filters: Record<string, unknown>) => AnyQuery;
}

const leadFilters = {
  cf: Type.Optional(CustomFieldFilter),
  status: Type.Optional(Type.Array(LeadStatus, { maxItems: 5 })),
  source: Type.Optional(Source),
  rating: Type.Optional(LeadRating),
} satisfies TProperties;

const accountFilters = {
  cf: Type.Optional(CustomFieldFilter),
  industry: Type.Optional(Type.String({ maxLength: 100, examples: ['Manufacturing'] })),
} satisfies TProperties;

const contactFilters = {
  cf: Type.Optional(CustomFieldFilter),
  account_id: Type.Optional(
    Type.Union([Uuid], { description: "The account's contacts, for its page" }),
  ),
  do_not_contact: Type.Optional(Type.Boolean({ examples: [false] })),
} satisfies TProperties;

/** Filters of the deal list that the board shares (the board names its pipeline in its path). */
export const DealFilterProperties = {
  stage_id: Type.Optional(Uuid),
  status: Type.Optional(
    Type.Array(StageKindSchema, {
      maxItems: 3,
      description: 'The kind of the stage; may repeat: `?status=won&status=lost`',
    }),
  ),
  account_id: Type.Optional(Uuid),
  contact_id: Type.Optional(
    Type.Union([Uuid], { description: 'Deals with this contact, primary or other' }),
  ),
  close_from: Type.Optional(
    Type.String({ format: 'date', examples: ['2026-01-01'], description: 'Inclusive' }),
  ),
  close_to: Type.Optional(
    Type.String({ format: 'date', examples: ['2026-03-31'], description: 'Inclusive' }),
  ),
} satisfies TProperties;

export type LeadFilters = CommonFilters & Static<TObject<typeof leadFilters>>;
export type AccountFilters = CommonFilters & Static<TObject<typeof accountFilters>>;
export type ContactFilters = CommonFilters & Static<TObject<typeof contactFilters>>;
export type DealFilters = CommonFilters &
  Static<TObject<typeof DealFilterProperties>> & { pipeline_id?: string };

/** Columns compared for equality when their filter is given. */
function equal(query: AnyQuery, alias: string, filters: object, names: string[]): AnyQuery {
  let q = query;
  for (const name of names) {
    const value = (filters as Record<string, unknown>)[name];
    if (value !== undefined) q = q.where(sql.ref(`${alias}.${name}`), '=', value);
  }
  return q;
}

/** The deal filters, on a query over `deals as o`; the list and the board share them. */
export function applyDealFilters(query: AnyQuery, filters: DealFilters): AnyQuery {
  const col = (name: string) => sql.ref(`o.${name}`);
  let q = equal(applyCommonFilters(query, 'o', 'deal', filters), 'o', filters, [
    'pipeline_id',
    'stage_id',
  ]);
  if (filters.account_id)
    q = q.where(col('account_id'), '=', followingMerge('account_id', filters.account_id));
  if (filters.status?.length) {
    q = q.where(
      col('stage_id'),
      'in',
      subquery.selectFrom('pipeline_stages').select('id').where('kind', 'in', filters.status),
    );
  }
  if (filters.contact_id) {
    const contactId = followingMerge('contact_id', filters.contact_id);
    q = q.where(
      sql<boolean>`(${col('primary_contact_id')} = ${contactId} OR ${col('id')} IN (${subquery
        .selectFrom('deal_contacts')
        .select('deal_id')
        .where('contact_id', '=', contactId)}))`,
    );
  }
  if (filters.close_from) q = q.where(col('expected_close_date'), '>=', filters.close_from);
  if (filters.close_to) q = q.where(col('expected_close_date'), '<=', filters.close_to);
  return q;
}

/**
 * Each kind's filters, said once: its list route's query, its bulk route's `filter` and the SQL
 * both run read them from here.
 */
export const KIND_FILTERS = {
  lead: {
    properties: leadFilters,
    apply: (query, raw) => {
      const filters = raw as LeadFilters;
      let q = equal(applyCommonFilters(query, 'l', 'lead', filters), 'l', filters, [
        'source',
        'rating',
      ]);
      if (filters.status?.length) q = q.where(sql.ref('l.status'), 'in', filters.status);
      return q;
    },
  },
  account: {
    properties: accountFilters,
    apply: (query, filters) =>
      equal(applyCommonFilters(query, 'a', 'account', filters), 'a', filters, ['industry']),
  },
  contact: {
    properties: contactFilters,
    apply: (query, raw) => {
      const filters = raw as ContactFilters;
      const q = equal(applyCommonFilters(query, 'c', 'contact', filters), 'c', filters, [
        'do_not_contact',
      ]);
      return filters.account_id
        ? q.where(sql.ref('c.account_id'), '=', followingMerge('account_id', filters.account_id))
        : q;
    },
  },
  deal: {
    properties: {
      ...DealFilterProperties,
      pipeline_id: Type.Optional(Uuid),
      cf: Type.Optional(CustomFieldFilter),
    },
    apply: (query, filters) => applyDealFilters(query, filters),
  },
} satisfies { [K in RecordKind]: KindFilters };

/**
 * A kind's filters over its list's alias, with its custom field conditions (`cf`) as
 * `resolveCustomFilters` read them: the list, the bulk action by filter and the export share it.
 */
export function applyKindFilters(
  query: AnyQuery,
  kind: RecordKind,
  filters: Record<string, unknown>,
  custom: readonly ResolvedCondition[],
  use?: FilterUse,
): AnyQuery {
  const { cf: _conditions, ...own } = filters;
  return applyCustomFilters(
    KIND_FILTERS[kind].apply(query, own),
    RECORD_KINDS[kind].list.alias,
    custom,
    use,
  );
}

/** How a filter's value travels in a JSON body, where a query string carries text only. */
export type FilterValueType = 'string' | 'boolean' | 'array';

/**
 * The JSON type of each filter a kind's bulk `filter` takes, for clients that hold a list's
 * query as text (the web app turns `status=new` into `["new"]` and `true` into `true` by it).
 */
export function filterValueTypes(kind: RecordKind): Record<string, FilterValueType> {
  const properties: TProperties = { ...RecordFilterBase, ...KIND_FILTERS[kind].properties };
  return Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => {
      const type = (schema as { type?: unknown }).type;
      return [name, type === 'array' || type === 'boolean' ? type : 'string'];
    }),
  );
}

/** A kind's list query from its filters: paging, search, common filters and its sorts. */
function listQueryOf<P extends TProperties>(kind: RecordKind, filters: P) {
  const { sorts, defaultSort } = RECORD_KINDS[kind].list;
  const sort = Type.Optional(
    Type.Union(
      [
        Type.Enum(Object.keys(sorts).flatMap((s) => [s, `-${s}`])),
        Type.String({
          pattern: CUSTOM_SORT.source,
          description: 'A custom field by its key, `-` in front for descending: `cf.score`',
        }),
      ],
      {
        default: defaultSort,
        description:
          'A field of the kind or a custom field (`cf.<key>`: text, number, money, date, date-time, checkbox; a single select in the order of its options, a member by name; not a multi-select), `-` in front for descending; records without a value come last',
      },
    ),
  );
  return Type.Object({ ...ListQueryBase, sort, ...filters }, { additionalProperties: false });
}

/** Each kind's list query, which its list route and its CSV export take. */
export const LIST_QUERIES = {
  lead: listQueryOf('lead', KIND_FILTERS.lead.properties),
  account: listQueryOf('account', KIND_FILTERS.account.properties),
  contact: listQueryOf('contact', KIND_FILTERS.contact.properties),
  deal: listQueryOf('deal', KIND_FILTERS.deal.properties),
} satisfies { [K in RecordKind]: TObject };
