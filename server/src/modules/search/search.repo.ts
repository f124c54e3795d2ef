import { sql, type RawBuilder } from 'kysely';
import type { RecordType } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { termHasPrefix } from '../../lib/search-terms.js';

export interface SearchRow {
  record_type: RecordType;
  record_id: string;
  score: number;
  title: string;
  subtitle: string | null;
}

export interface SearchInput {
  /** The query's words, as `searchWords()` splits them: at least one. */
  words: string[];
  recordTypes: RecordType[];
  limit: number;
}

/** Terms of the wanted kinds starting with the word, each worth its weight, doubled when whole. */
function wordMatches(
  word: string,
  position: number,
  recordTypes: RecordType[],
): RawBuilder<unknown> {
  return sql`
    SELECT st.record_type, st.record_id, ${sql.lit(position)} AS word,
      st.weight * CASE WHEN st.term = search_fold(${word}) COLLATE "C" THEN 2 ELSE 1 END AS score
    FROM search_terms st
    WHERE ${termHasPrefix('st.term', word)} AND st.record_type = ANY (${recordTypes}::text[])`;
}

/**
 * The best records matching every word, ranked by the sum of each word's best match, ties by
 * type then title. Only the search_terms index is read to rank, in one pass grouping by record;
 * titles come from the records for the top ids alone, plus those tied with the last one, which
 * the title decides between. Every condition on a tenant table is a plain comparison, so it
 * stays an index condition beneath the tenant policy. Exposed for the EXPLAIN test.
 */
export function searchQuery({ words, recordTypes, limit }: SearchInput): RawBuilder<SearchRow> {
  const best = words.map(
    (_, position) => sql`max(score) FILTER (WHERE word = ${sql.lit(position)})`,
  );
  return sql<SearchRow>`
    WITH matches AS (
      ${sql.join(
        words.map((word, position) => wordMatches(word, position, recordTypes)),
        sql`\n      UNION ALL\n`,
      )}
    ), ranked AS (
      SELECT record_type, record_id, (${sql.join(best, sql` + `)})::int AS score,
        CASE record_type WHEN 'account' THEN 1 WHEN 'contact' THEN 2 WHEN 'opportunity' THEN 3
          ELSE 4 END AS type_rank
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
      SELECT concat_ws(' ', nullif(l.first_name, ''), l.last_name) AS title, l.company AS subtitle
      FROM leads l WHERE r.record_type = 'lead' AND l.id = r.record_id
      UNION ALL
      SELECT a.name, a.domain
      FROM accounts a WHERE r.record_type = 'account' AND a.id = r.record_id
      UNION ALL
      SELECT concat_ws(' ', nullif(c.first_name, ''), c.last_name), c.email
      FROM contacts c WHERE r.record_type = 'contact' AND c.id = r.record_id
      UNION ALL
      SELECT o.name, concat_ws(' · ', o.currency || ' ' || o.amount, s.name)
      FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id
      WHERE r.record_type = 'opportunity' AND o.id = r.record_id
    ) shown
    ORDER BY r.score DESC, r.type_rank, shown.title, r.record_id
    LIMIT ${limit}`;
}

export async function search(tx: Tx, input: SearchInput): Promise<SearchRow[]> {
  return (await searchQuery(input).execute(tx)).rows;
}
