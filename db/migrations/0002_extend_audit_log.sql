-- Up Migration

-- "Every change to the teams" in a large organization: without this the audit API's
-- table_name filter walks the organization's whole history in time order.
CREATE INDEX audit_log_table_idx ON audit_log (org_id, table_name, occurred_at DESC, id DESC);

-- The audit trail names who acted even after they left the organization, when the API role
-- can no longer read their account. Only users who appear as actors in the current
-- organization's own history are named, and only their display name.
CREATE FUNCTION audit_actor_names(p_ids uuid[])
RETURNS TABLE (id uuid, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.name FROM users u
  WHERE u.id = ANY (p_ids)
    AND EXISTS (
      SELECT FROM audit_log a
      WHERE a.org_id = nullif(current_setting('app.current_org', true), '')::uuid
        AND a.actor_id = u.id
    )
$$;

REVOKE ALL ON FUNCTION audit_actor_names(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_actor_names(uuid[]) TO rampart_api;
