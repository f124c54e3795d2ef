-- Up Migration

-- A sign-up holds a password hash for an address nobody has verified yet. Once it can no longer
-- become an account (used, refused because the address already had one, or past its time) the
-- row serves nothing and is removed: a used or refused one by the statement that ends it, an
-- expired one by the next sign-up of anyone (decision 0016). `used_at` had no other reader.
ALTER TABLE pending_signups DROP COLUMN used_at;
GRANT DELETE ON pending_signups TO rampart_api;
CREATE INDEX pending_signups_expires_at ON pending_signups (expires_at);

-- The one statement of the API that reaches other people's sign-ups: it removes those past
-- their time and answers nothing, so it reveals no address and ends no sign-up that could still
-- be completed.
CREATE FUNCTION auth_forget_expired_signups() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM pending_signups WHERE expires_at <= now()
$$;
REVOKE ALL ON FUNCTION auth_forget_expired_signups() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_forget_expired_signups() TO rampart_api;
