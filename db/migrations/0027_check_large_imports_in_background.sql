-- Up Migration

-- The dry run of a large file is a job, not one long request: while it runs the import is
-- `checking` (its progress in rows_done), and `checking_since` names the check under way, so
-- that a check started again (new settings) stops the one before it.
ALTER TABLE imports DROP CONSTRAINT imports_status_check;
ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (
  status IN ('uploaded', 'checking', 'queued', 'running', 'completed', 'cancelled', 'failed', 'undone')
);
ALTER TABLE imports ADD COLUMN checking_since timestamptz;
