-- Up Migration

-- What kind of work a task is: a call to make, a meeting to hold, an email to write, or
-- anything else to do. Text with a CHECK, like every status, so that filtering by it stays a
-- plain, leakproof comparison on an index beneath the tenant policy.
ALTER TABLE tasks ADD COLUMN type text NOT NULL DEFAULT 'todo'
  CHECK (type IN ('call', 'meeting', 'email', 'todo'));
CREATE INDEX tasks_type_due_idx ON tasks (org_id, type, due_at, id);
