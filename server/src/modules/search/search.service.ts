import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../lib/errors.js';
import { searchWords } from '../../lib/search-terms.js';
import { RECORD_KIND_NAMES, type RecordKind } from '../records/registry.js';
import * as repo from './search.repo.js';

export const DEFAULT_LIMIT = 20;

export interface SearchHit {
  type: RecordKind;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

export interface SearchInput {
  q: string;
  /** Comma-separated: `lead,contact`. All kinds when absent. */
  types?: string;
  limit?: number;
}

export function search(ctx: RequestContext, input: SearchInput): Promise<{ data: SearchHit[] }> {
  const words = searchWords(input.q);
  if (words.length === 0) throw invalidField('q', 'must contain a letter or a digit', 'malformed');
  // The route's schema lets through only the names of record kinds.
  const requested = (input.types?.split(',') ?? RECORD_KIND_NAMES) as RecordKind[];
  const recordTypes = [...new Set(requested)];
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const rows = await repo.search(tx, {
      words,
      recordTypes,
      limit: input.limit ?? DEFAULT_LIMIT,
    });
    return {
      data: rows.map((row) => ({
        type: row.record_type,
        id: row.record_id,
        title: row.title,
        subtitle: row.subtitle,
        score: row.score,
      })),
    };
  });
}
