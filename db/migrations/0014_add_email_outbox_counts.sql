-- Up Migration

-- The monitoring endpoint reports how many messages wait, were sent or failed across the whole
-- instance. The API role sees one organization's outbox at a time (and none outside a tenant),
-- so the owner answers with counts only: no address, subject or organization leaves it.
CREATE FUNCTION email_outbox_counts() RETURNS TABLE (status text, messages bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.status, count(*) FROM email_outbox e GROUP BY e.status
$$;

REVOKE ALL ON FUNCTION email_outbox_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_outbox_counts() TO rampart_api;
