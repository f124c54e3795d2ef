import { sql, type RawBuilder } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import { orgOf, type Tx } from '../../db/tenant.js';
import { termHasPrefix } from '../../lib/search-terms.js';
import { RECORD_KIND_LIST } from '../records/registry.js';

export interface SearchRow {
  record_type: RecordType;
  record_id: string;
  score: number;
  title: string;
  subtitle: string | null;
}

export interface SearchInput {
  orgId: string;
  /** The query's words, as `searchWords()` splits them: at least one. */
  words: string[];
  recordTypes: RecordType[];
  limit: number;
}

/**
 * A word this short (one or two characters, as typed into a typeahead) starts a large share
 * of an organization's terms: it reads only the first `SHORT_WORD_TERMS` of them in term order
 * (the whole word first), so that its cost is a bounded index range, not one that grows with
 * the matches. Longer words read every term they start.
 */
export const SHORT_WORD_LENGTH = 2;
export const SHORT_WORD_TERMS = 1000;

/** Terms of the wanted kinds starting with the word, each worth its weight, doubled when whole. */
function wordMatches(
  orgId: string,
  word: string,
  position: number,
  recordTypes: RecordType[],
): RawBuilder<unknown> {
  const short = [...word].length <= SHORT_WORD_LENGTH;
  return sql`(
    SELECT st.record_type, st.record_id, ${sql.lit(position)} AS word,
      st.weight * CASE WHEN st.term = search_fold(${word}) COLLATE "C" THEN 2 ELSE 1 END AS score
    FROM search_terms st
    WHERE st.org_id = ${orgId} AND ${termHasPrefix('st.term', word)}
      AND st.record_type = ANY (${recordTypes}::text[])
    ${short ? sql`ORDER BY st.term LIMIT ${sql.lit(SHORT_WORD_TERMS)}` : sql``})`;
}

/**
 * The best records matching every word, ranked by the sum of each word's best match, ties by
 * type then title. Only the search_terms index is read to rank, in one pass grouping by record;
 * titles come from the records for the top ids alone, plus those tied with the last one, which
 * the title decides between. Every condition on a tenant table is a plain comparison, so it
 * stays an index condition beneath the tenant policy. Exposed for the EXPLAIN test.
 */
export function searchQuery({
  orgId,
  words,
  recordTypes,
  limit,
}: SearchInput): RawBuilder<SearchRow> {
  const best = words.map(
    (_, position) => sql`max(score) FILTER (WHERE word = ${sql.lit(position)})`,
  );
  return sql<SearchRow>`
    WITH matches AS (
      ${sql.join(
        words.map((word, position) => wordMatches(orgId, word, position, recordTypes)),
        sql`\n      UNION ALL\n`,
      )}
    ), ranked AS (
      SELECT record_type, record_id, (${sql.join(best, sql` + `)})::int AS score,
        CASE record_type ${sql.join(
          RECORD_KIND_LIST.map(
            (kind) => sql`WHEN ${sql.lit(kind.kind)} THEN ${sql.lit(kind.searchRank)}`,
          ),
          sql` `,
        )} END AS type_rank
      FROM matches
      GROUP BY record_type, record_id
      HAVING ${sql.join(
        best.map((max) => sql`${max} IS NOT NULL`),
        sql` AND `,
      )}
      ORDER BY score DESC, type_rank
      FETCH FIRST (${limit}) ROWS WITH TIES
    )
    SELECT r.record_type, r.record_id, r.score, shown.title, shown.subtitle
    FROM ranked r
    CROSS JOIN LATERAL (
      ${sql.join(
        RECORD_KIND_LIST.map(
          (kind) => sql`SELECT ${kind.title('x')} AS title, ${kind.subtitle('x')} AS subtitle
      FROM ${sql.table(kind.table)} x
      WHERE r.record_type = ${sql.lit(kind.kind)} AND x.org_id = ${orgId} AND x.id = r.record_id`,
        ),
        sql`
      UNION ALL
      `,
      )}
    ) shown
    ORDER BY r.score DESC, r.type_rank, shown.title, r.record_id
    LIMIT ${limit}`;
}

export async function search(tx: Tx, input: Omit<SearchInput, 'orgId'>): Promise<SearchRow[]> {
  return (await searchQuery({ ...input, orgId: orgOf(tx) }).execute(tx)).rows;
}
