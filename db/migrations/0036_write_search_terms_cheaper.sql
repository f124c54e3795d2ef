-- Up Migration

-- An imported lead costs the database about 16 rows of search_terms, and the terms were most
-- of an import's time (issue 9). Two things made each of those rows dearer than it needs to be.

-- 1. A foreign-key check per term: search_terms.org_id referred to orgs, so writing the terms of
-- 2,000 leads ran 32,000 checks, a fifth of the statement's CPU. Terms are written only by the
-- record kinds' statement triggers, from rows whose own org_id has just been checked against
-- orgs, and deleting an organization (`rampart org delete`) removes its rows from every table
-- with an org_id, terms included: the reference guarded nothing the records do not.
ALTER TABLE search_terms DROP CONSTRAINT search_terms_org_id_fkey;

-- 2. The terms went in in the order of a hash: each went to a random leaf of
-- search_terms_term_idx. Sorted by term, consecutive inserts touch the same leaves, which
-- took another sixth off (the function is 0035's with the ORDER BY; what it writes is the same).
CREATE OR REPLACE FUNCTION search_index_records() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  fields text[] := TG_ARGV[1:];
  old_record record;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    -- The old terms, record by record: each statement binds all three columns of the index
    -- on (org_id, record_type, record_id), whatever the statistics say. Set-wise, the planner
    -- (which knows nothing of a transition table's contents) was seen to read every term of
    -- the organization for one record (an array of ids on the index's third column became a
    -- filter) and to scan a transition table of 2,500 rows once per term (a join).
    FOR old_record IN SELECT o.org_id, o.id FROM old_rows o LOOP
      DELETE FROM search_terms s
      WHERE s.org_id = old_record.org_id AND s.record_type = kind
        AND s.record_id = old_record.id AND s.field_id IS NULL;
    END LOOP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  -- Each row made into JSON once, and each field's columns read once: left to the planner,
  -- both are done again for every column of every field, a third of the statement's time.
  WITH r AS MATERIALIZED (
    SELECT n.org_id, n.id, to_jsonb(n) AS j FROM new_rows n
  ), field AS MATERIALIZED (
    SELECT split_part(spec, ':', 1)::smallint AS weight,
      string_to_array(split_part(spec, ':', 2), '+') AS columns
    FROM unnest(fields) AS spec
  )
  INSERT INTO search_terms (org_id, record_type, record_id, term, weight)
  SELECT r.org_id, kind, r.id, word, max(v.weight)
  FROM r
  CROSS JOIN field
  CROSS JOIN LATERAL (
    SELECT field.weight, string_agg(r.j ->> ltrim(c, '#'), ' ' ORDER BY n) AS value
    FROM unnest(field.columns) WITH ORDINALITY AS u (c, n)
    UNION ALL
    SELECT field.weight, string_agg(regexp_replace(r.j ->> ltrim(c, '#'), '[^0-9]', '', 'g'), ' ' ORDER BY n)
    FROM unnest(field.columns) WITH ORDINALITY AS u (c, n)
    WHERE c LIKE '#%'
  ) v
  CROSS JOIN LATERAL search_words(v.value) AS word
  GROUP BY r.org_id, r.id, word
  ORDER BY word COLLATE "C";
  RETURN NULL;
END
$$;
