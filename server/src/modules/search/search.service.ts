import type { RecordType } from '../../db/schema.js';
import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { searchWords } from '../../lib/search-terms.js';
import * as repo from './search.repo.js';

/** What the API calls each kind of record, and what the search index calls it. */
export const SEARCH_TYPES = {
  lead: 'lead',
  account: 'account',
  contact: 'contact',
  deal: 'opportunity',
} as const satisfies Record<string, RecordType>;

export type SearchType = keyof typeof SEARCH_TYPES;

/** The API's name of a kind of record the database stores. */
export const API_TYPE = Object.fromEntries(
  Object.entries(SEARCH_TYPES).map(([api, stored]) => [stored, api]),
) as Record<RecordType, SearchType>;

export const DEFAULT_LIMIT = 20;

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

export interface SearchInput {
  q?: string;
  /** Comma-separated: `lead,contact`. All kinds when absent. */
  types?: string;
  limit?: number;
}

export function search(ctx: RequestContext, input: SearchInput): Promise<{ data: SearchHit[] }> {
  if (input.q === undefined) throw invalidField('q', 'is required', 400);
  const words = searchWords(input.q);
  if (words.length === 0) throw invalidField('q', 'must contain a letter or a digit', 400);
  // The route's schema lets through only the names of SEARCH_TYPES.
  const requested = (input.types?.split(',') ?? Object.keys(SEARCH_TYPES)) as SearchType[];
  const recordTypes = [...new Set(requested)].map((type) => SEARCH_TYPES[type]);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const rows = await repo.search(tx, {
      words,
      recordTypes,
      limit: input.limit ?? DEFAULT_LIMIT,
    });
    return {
      data: rows.map((row) => ({
        type: API_TYPE[row.record_type],
        id: row.record_id,
        title: row.title,
        subtitle: row.subtitle,
        score: row.score,
      })),
    };
  });
}
