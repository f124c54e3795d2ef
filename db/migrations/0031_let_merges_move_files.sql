-- Up Migration

-- A merge moves the files of the merged records to the survivor, as it moves their notes and
-- tasks. Files stay otherwise unchangeable by the API: only the columns that say which record
-- a file is on (of the kinds that can be merged) may be updated.
GRANT UPDATE (lead_id, contact_id, account_id) ON files TO rampart_api;
