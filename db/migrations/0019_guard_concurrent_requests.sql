-- Up Migration

-- A refresh that is retried, or raced by another tab, presents a token that was just used. For
-- a short grace window it gets the same successor again instead of signing the user out. Only
-- hashes of live tokens are stored, so the successor is kept sealed (AES-GCM, with a key the
-- API derives from its signing secret): a copy of the database alone cannot use it.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed bytea;

-- The first answer to a create or bulk action sent with an `Idempotency-Key`, kept for 24
-- hours, so that a client retrying after a timeout gets that answer again instead of a second
-- record. A row without a status is a request still running (or one whose process died
-- before it could answer). `fingerprint` is a hash of the route, the user and the body: the
-- same key with other content is refused. Expired rows are removed when the organization next
-- claims a key (the index on created_at finds them).
CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  fingerprint bytea NOT NULL,
  response_status smallint,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (org_id, key)
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (org_id, created_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_tenant ON idempotency_keys FOR ALL
  USING (org_id = verified_org())
  WITH CHECK (org_id = verified_org());
CREATE TRIGGER idempotency_keys_set_updated_at BEFORE UPDATE ON idempotency_keys
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO rampart_api;
