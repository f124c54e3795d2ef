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
GRANT SELECT, INSERT, UPDATE, DELETE ON job_workers TO rampart_jobs;

-- A message whose delivery failed but will be tried again is `retrying`, with the time of its
-- next attempt; `failed` now means that no attempt is left.
ALTER TABLE email_outbox ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check
  CHECK (status IN ('queued', 'retrying', 'sent', 'kept', 'failed'));

-- Messages marked failed that still have a delivery job in the queue are being retried. On a
-- fresh install the worker's schema comes after this migration, and there is no message yet.
DO $$
BEGIN
  IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
    EXECUTE $u$
      UPDATE email_outbox e SET status = 'retrying', next_attempt_at = j.run_at
      FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = 'email__send' AND e.status = 'failed'
        AND j.payload ->> 'org_id' = e.org_id::text AND j.payload ->> 'email_id' = e.id::text
        AND j.attempts < j.max_attempts
    $u$;
  END IF;
END
$$;

-- A password-reset email is sent between two transactions: the link's hash is stored first,
-- and the message marked sent once the mail server has accepted it, so a job that stopped in
-- between sends it again rather than never.
ALTER TABLE password_resets ADD COLUMN sent_at timestamptz;
UPDATE password_resets SET sent_at = created_at WHERE token_hash IS NOT NULL;

-- The organization's admins hear of a message that could not be sent after its last attempt.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('record_assigned', 'task_assigned', 'task_due', 'export_ready', 'email_failed'));
