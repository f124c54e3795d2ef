-- Up Migration

-- Every running worker reports here every few seconds (by the id its jobs are locked by). A job
-- locked by a worker that stopped reporting belongs to a crashed process and is given to
-- another worker, instead of staying locked for the queue's own four hours. Worker ids only:
-- no organization's data.
CREATE TABLE job_workers (
  id text PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE, DELETE ON job_workers TO rampart_api;

-- A password-reset email is sent between two transactions: the link's hash is stored first,
-- and the message marked sent once the mail server has accepted it, so a job that stopped in
-- between sends it again rather than never.
ALTER TABLE password_resets ADD COLUMN sent_at timestamptz;
UPDATE password_resets SET sent_at = created_at WHERE token_hash IS NOT NULL;
