import { sql } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import { subquery } from '../../db/tenant.js';
import type { AnyQuery } from '../../lib/list-query.js';
import { taggedWith } from './tags.js';

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
