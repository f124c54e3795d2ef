import { sql, type RawBuilder } from 'kysely';
import type { RecordType } from '../db/schema.js';
import { subquery } from '../db/tenant.js';

/**
 * Text search over the `search_terms` index (see migration 0004): words are folded by the
 * database's search_fold() and matched as prefixes with a range on a "C"-collated column —
 * plain, leakproof comparisons that stay index conditions beneath row-level security.
 */

export const MAX_QUERY_WORDS = 6;

/** The words of a query, split on anything that is not a letter or a digit. */
export function searchWords(q: string): string[] {
  const words = q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** The lowest string greater than every string starting with the prefix, in "C" order. */
const PREFIX_END = String.fromCodePoint(0x10ffff);

/** `column` (a search_terms.term) starts with `word`, folded in the database: an index range. */
export function termHasPrefix(column: string, word: string): RawBuilder<boolean> {
  const term = sql.ref(column);
  return sql<boolean>`${term} >= search_fold(${word}) COLLATE "C"
      AND ${term} < (search_fold(${word}) || ${PREFIX_END}) COLLATE "C"`;
}

/** Ids of records of one kind with a term starting with `word` (folded in the database). */
export function termMatches(recordType: RecordType, word: string) {
  return subquery
    .selectFrom('search_terms as st')
    .select('st.record_id')
    .where('st.record_type', '=', recordType)
    .where(termHasPrefix('st.term', word));
}
