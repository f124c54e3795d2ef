-- Up Migration

-- The tenant wall held against the application's code, not against SQL run as its role: that
-- role could set app.current_org to any organization. From here on the database trusts a
-- tenant context only when it comes with a proof the API signed: `v1.<org>.<user>.<expiry>.<mac>`
-- in the transaction-local setting app.tenant_proof, the MAC an HMAC-SHA256 with a key that the
-- owner keeps in a table nobody else may read, and that the API process derives from its own
-- secret (server/src/db/context-key.ts). See docs/security.md.

-- The key, kept as the HMAC's two padded halves (key XOR ipad, key XOR opad) so that a plain
-- sha256() computes it on any PostgreSQL node, without an extension. Written by the owner at
-- start; no grant to anyone.
CREATE TABLE tenant_context_keys (
  id smallint PRIMARY KEY CHECK (id = 1),
  inner_pad bytea NOT NULL CHECK (length(inner_pad) = 64),
  outer_pad bytea NOT NULL CHECK (length(outer_pad) = 64),
  updated_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON tenant_context_keys FROM PUBLIC;

COMMENT ON TABLE tenant_context_keys IS
  'The key that signs tenant contexts, readable by the owner only. Written at every start from the process''s secret.';

-- The MAC of a message under the key, in hex: never granted, called by the sign-in lookup below.
CREATE FUNCTION tenant_context_mac(p_message text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(p_message, 'UTF8'))), 'hex')
  FROM public.tenant_context_keys k WHERE k.id = 1
$$;

-- verified_org() and verified_user(): the organization or the user a valid, unexpired proof
-- names; NULL for anything else, so that policies fail closed. What policies, triggers and
-- functions compare with. STABLE: as an index condition, or compared with the organization a
-- statement names itself, each runs once per statement; where a policy ends up as a filter over
-- rows it runs per row, so it must stay cheap (docs/benchmarks.md): plain string functions (a
-- regular expression cost 25 times more), PL/pgSQL (whose plans are kept for the session, where
-- a SQL function is planned again in every statement) and the HMAC written out rather than
-- through tenant_context_mac() (a nested call). The proof's fields are read only once the MAC
-- matched, so nothing an attacker wrote is ever cast. One body, made twice.
DO $do$
DECLARE
  claim record;
BEGIN
  FOR claim IN SELECT * FROM (VALUES ('verified_org', 2), ('verified_user', 3)) AS c (name, part) LOOP
    EXECUTE format($create$
      CREATE FUNCTION %I() RETURNS uuid
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
      DECLARE
        proof text := coalesce(current_setting('app.tenant_proof', true), '');
        claims text := left(proof, -65);
        key record;
      BEGIN
        SELECT k.inner_pad, k.outer_pad INTO key FROM public.tenant_context_keys k WHERE k.id = 1;
        IF encode(sha256(key.outer_pad || sha256(key.inner_pad || convert_to(claims, 'UTF8'))), 'hex')
             IS DISTINCT FROM right(proof, 64) OR split_part(claims, '.', 1) <> 'v1' THEN
          RETURN NULL;
        END IF;
        IF split_part(claims, '.', 4)::bigint <= extract(epoch FROM now()) THEN
          RETURN NULL;
        END IF;
        RETURN nullif(split_part(claims, '.', %s), '')::uuid;
      END
      $body$$create$, claim.name, claim.part);
    EXECUTE format('REVOKE ALL ON FUNCTION %I() FROM PUBLIC', claim.name);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %I() TO rampart_api', claim.name);
  END LOOP;
END
$do$;

REVOKE ALL ON FUNCTION tenant_context_mac(text) FROM PUBLIC;

-- Every policy and function that read the unsigned settings now reads the verified ones. The
-- rewrite is by pattern so that nothing written before this migration is left behind; the
-- catalog test holds every later policy to the same rule.
DO $$
DECLARE
  unsigned_org constant text := $e$(NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid$e$;
  unsigned_user constant text := $e$(NULLIF(current_setting('app.current_user'::text, true), ''::text))::uuid$e$;
  p record;
  f record;
BEGIN
  FOR p IN
    SELECT pol.polname, c.relname, pol.polcmd,
           pg_get_expr(pol.polqual, pol.polrelid) AS qual,
           pg_get_expr(pol.polwithcheck, pol.polrelid) AS with_check
    FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I%s%s', p.polname, p.relname,
      CASE WHEN p.qual IS NULL THEN '' ELSE format(' USING (%s)',
        replace(replace(p.qual, unsigned_org, 'verified_org()'), unsigned_user, 'verified_user()')) END,
      CASE WHEN p.with_check IS NULL THEN '' ELSE format(' WITH CHECK (%s)',
        replace(replace(p.with_check, unsigned_org, 'verified_org()'), unsigned_user, 'verified_user()')) END);
  END LOOP;
  FOR f IN
    SELECT fn.oid FROM pg_proc fn JOIN pg_namespace n ON n.oid = fn.pronamespace
    WHERE n.nspname = 'public' AND fn.prosrc LIKE '%current_setting(''app.current_%'
  LOOP
    EXECUTE replace(replace(pg_get_functiondef(f.oid),
      $e$nullif(current_setting('app.current_org', true), '')::uuid$e$, 'verified_org()'),
      $e$nullif(current_setting('app.current_user', true), '')::uuid$e$, 'verified_user()');
  END LOOP;
END
$$;

-- Sign-in finds an account by email before any context exists. The API now proves which email
-- it is signing in (`signin.<email>.<expiry>`, signed like a context), so the role cannot ask for
-- anyone else's password hash.
DROP FUNCTION auth_find_user_by_email(text);
CREATE FUNCTION auth_find_user_by_email(p_email text, p_expires bigint, p_mac text)
RETURNS TABLE (id uuid, email text, name text, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.email, u.name, u.password_hash FROM users u
  WHERE u.email = lower(p_email)
    AND p_expires > extract(epoch FROM now())
    AND tenant_context_mac('signin.' || lower(p_email) || '.' || p_expires) = p_mac
$$;
REVOKE ALL ON FUNCTION auth_find_user_by_email(text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text, bigint, text) TO rampart_api;

-- The job queue. The worker logs in as a role of its own, a member of rampart_jobs, which
-- alone reads and runs jobs (its grants are given after graphile-worker's own migrations, in
-- server/src/db/migrate.ts). The API role enqueues through this function only: in its own
-- organization (or, for a user's own mail, as that user), under a key of that organization,
-- and it reads nothing back.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rampart_jobs') THEN
    CREATE ROLE rampart_jobs NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END
$$;

CREATE FUNCTION enqueue_job(p_task text, p_payload jsonb, p_job_key text, p_run_at timestamptz,
                            p_max_attempts integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  org uuid := verified_org();
  usr uuid := verified_user();
  scope uuid;
BEGIN
  IF p_payload ? 'org_id' THEN
    scope := org;
    IF org IS NULL OR p_payload ->> 'org_id' IS DISTINCT FROM org::text THEN
      RAISE EXCEPTION 'a job must name the organization of its context' USING ERRCODE = '42501';
    END IF;
  ELSIF p_payload ? 'user_id' THEN
    scope := usr;
    IF usr IS NULL OR p_payload ->> 'user_id' IS DISTINCT FROM usr::text THEN
      RAISE EXCEPTION 'a job must name the user of its context' USING ERRCODE = '42501';
    END IF;
  ELSE
    RAISE EXCEPTION 'a job must name its organization or its user' USING ERRCODE = '42501';
  END IF;
  PERFORM graphile_worker.add_job(
    p_task,
    p_payload::json,
    job_key => CASE WHEN p_job_key IS NOT NULL THEN scope || '/' || p_job_key END,
    run_at => p_run_at,
    max_attempts => p_max_attempts
  );
END
$$;

-- What /metrics says about the queue: counts only. PL/pgSQL, because on a new database the
-- queue's schema is created after this migration.
CREATE FUNCTION job_queue_state(
  OUT waiting bigint, OUT running bigint, OUT failed bigint, OUT oldest_waiting_seconds float8)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  SELECT
    count(*) FILTER (WHERE j.is_available AND j.run_at <= now()),
    count(*) FILTER (WHERE j.locked_at IS NOT NULL),
    count(*) FILTER (WHERE j.attempts >= j.max_attempts),
    coalesce(extract(epoch FROM now() - min(j.run_at)
      FILTER (WHERE j.is_available AND j.run_at <= now())), 0)::float8
  INTO waiting, running, failed, oldest_waiting_seconds
  FROM graphile_worker._private_jobs j;
END
$$;

REVOKE ALL ON FUNCTION enqueue_job(text, jsonb, text, timestamptz, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION job_queue_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enqueue_job(text, jsonb, text, timestamptz, integer) TO rampart_api;
GRANT EXECUTE ON FUNCTION job_queue_state() TO rampart_api;
