-- Up Migration

-- A member mentioned in a note hears of it in their inbox. The timeline's reads need no new
-- index: each of its sources already has one led by org_id and the record's column (notes,
-- tasks and files by attachment, audit_log by record_id, contacts and deals by account_id).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('record_assigned', 'task_assigned', 'task_due', 'export_ready', 'email_failed',
                  'mentioned'));
