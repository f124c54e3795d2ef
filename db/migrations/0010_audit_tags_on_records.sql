-- Up Migration

-- Tagging is part of a record's history. A tag link was audited as a row of its own (its id as
-- the record), so the history of the tagged record never showed it. Links are now recorded
-- against the record they tag, as "tag.added" / "tag.removed" with the tag's id and its name at
-- that moment (a later rename must not rewrite what was said). The record is found among the
-- link's columns, so no table is named here and a new kind of record needs nothing more.
-- One entry: a link added ("new") or removed ("old").
CREATE FUNCTION audit_tag_link_entry(link jsonb, added boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  side text := CASE WHEN added THEN 'new' ELSE 'old' END;
  tagged uuid;
  tag_name text;
BEGIN
  SELECT value::uuid INTO tagged
  FROM jsonb_each_text(link)
  WHERE key LIKE '%\_id' AND key NOT IN ('org_id', 'tag_id', 'created_by') AND value IS NOT NULL;
  -- Null when the link goes because its tag was deleted: the tag's own entry keeps its name.
  SELECT t.name INTO tag_name FROM tags t
  WHERE t.org_id = (link ->> 'org_id')::uuid AND t.id = (link ->> 'tag_id')::uuid;
  INSERT INTO audit_log (org_id, actor_id, action, table_name, record_id, changes)
  VALUES (
    (link ->> 'org_id')::uuid,
    nullif(current_setting('app.current_user', true), '')::uuid,
    CASE WHEN added THEN 'tag.added' ELSE 'tag.removed' END,
    'record_tags',
    tagged,
    jsonb_build_object('tag_id', jsonb_build_object(side, link -> 'tag_id'))
      || CASE WHEN tag_name IS NULL THEN '{}'::jsonb
         ELSE jsonb_build_object('tag_name', jsonb_build_object(side, tag_name)) END
  );
END
$$;

-- The audit trigger of record_tags: the audit trail's rule (every tenant table audited on
-- insert, update and delete) holds, in the words of the tagged record. A link that is changed
-- in place (no API does) is told as the old link removed and the new one added.
CREATE FUNCTION audit_record_change_of_tag_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM audit_tag_link_entry(to_jsonb(OLD), false);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM audit_tag_link_entry(to_jsonb(NEW), true);
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_tag_link_entry(jsonb, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_record_change_of_tag_link() FROM PUBLIC;

DROP TRIGGER record_tags_audit ON record_tags;
CREATE TRIGGER record_tags_audit AFTER INSERT OR UPDATE OR DELETE ON record_tags
  FOR EACH ROW EXECUTE FUNCTION audit_record_change_of_tag_link();

-- The links recorded so far move to the records they tagged, in the same words.
UPDATE audit_log a
SET record_id = linked.record_id,
    action = CASE a.action WHEN 'insert' THEN 'tag.added' ELSE 'tag.removed' END,
    changes = jsonb_build_object('tag_id', a.changes -> 'tag_id')
      || coalesce((
        SELECT jsonb_build_object('tag_name', jsonb_build_object(
          CASE a.action WHEN 'insert' THEN 'new' ELSE 'old' END, t.name))
        FROM tags t
        WHERE t.org_id = a.org_id
          AND t.id = coalesce(a.changes -> 'tag_id' ->> 'new', a.changes -> 'tag_id' ->> 'old')::uuid
      ), '{}')
FROM (
  SELECT l.org_id, l.id, coalesce(c.value ->> 'new', c.value ->> 'old')::uuid AS record_id
  FROM audit_log l
  CROSS JOIN LATERAL jsonb_each(l.changes) c
  WHERE l.table_name = 'record_tags' AND l.action IN ('insert', 'delete')
    AND c.key LIKE '%\_id' AND c.key NOT IN ('id', 'tag_id', 'created_by')
) linked
WHERE a.org_id = linked.org_id AND a.id = linked.id;
