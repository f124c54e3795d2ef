-- Up Migration

-- A refresh that is retried, or raced by another tab, presents a token that was just used. For
-- a short grace window it gets the same successor again instead of signing the user out. Only
-- hashes of live tokens are stored, so the successor is kept sealed (AES-GCM, with a key the
-- API derives from its signing secret): a copy of the database alone cannot use it.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed bytea;
