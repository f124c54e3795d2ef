-- Up Migration

-- A sign-up waiting for its email address to be verified (decision 0016). The account does not
-- exist until the emailed link is followed, so the answer to a sign-up cannot say whether the
-- address already had one. `user_id` is the id the account will get: the row is the future
-- user's own, read and written under that user's signed context like a password reset, so no
-- statement of the API ever needs to see another person's pending sign-up.
CREATE TABLE pending_signups (
  user_id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  org_name text NOT NULL,
  password_hash text NOT NULL,
  -- Set when the link is emailed; a sign-up for an address that already has an account never
  -- gets one, so it can never be completed.
  token_hash bytea UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  sent_at timestamptz,
  used_at timestamptz
);

ALTER TABLE pending_signups ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_signups FORCE ROW LEVEL SECURITY;
CREATE POLICY pending_signups_own ON pending_signups FOR ALL
  USING (user_id = verified_user())
  WITH CHECK (user_id = verified_user());

-- The password hash is written once and read only to create the account, inside the same
-- user's context; the API never selects it for anything else.
GRANT SELECT, INSERT, UPDATE ON pending_signups TO rampart_api;

-- Whether the instance has any account yet: the one bit an instance without email needs to let
-- its very first person in without a verification nobody could deliver. It answers nothing about
-- any address.
CREATE FUNCTION auth_instance_has_accounts() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT FROM users)
$$;
REVOKE ALL ON FUNCTION auth_instance_has_accounts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_instance_has_accounts() TO rampart_api;
