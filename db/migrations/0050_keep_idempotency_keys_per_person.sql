-- Up Migration

-- An Idempotency-Key belongs to the person who sends it within the organization: a colleague
-- who happens to send the same key (a client that counts its keys, a script shared by the
-- team) gets their own answer instead of 422, and is not held up with 409 while the other
-- person's request runs. Keys are only ever looked up by their sender, so every key is kept
-- with one; a person's keys go with them.
DELETE FROM idempotency_keys WHERE created_by IS NULL;
ALTER TABLE idempotency_keys
  DROP CONSTRAINT idempotency_keys_created_by_fkey,
  ADD CONSTRAINT idempotency_keys_created_by_fkey
    FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE CASCADE,
  ALTER COLUMN created_by SET NOT NULL,
  DROP CONSTRAINT idempotency_keys_pkey,
  ADD PRIMARY KEY (org_id, created_by, key);
