-- Up Migration

-- The cells a run stored in other words than they were typed in (a two-digit year given its
-- century, a closed deal's close date), which the dry run lists: the first of them and how many,
-- kept with the import so that its report says after the run what the dry run said before it.
-- Constant defaults add the columns without rewriting the table.
ALTER TABLE imports
  ADD COLUMN notices jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN notices_total integer NOT NULL DEFAULT 0;
