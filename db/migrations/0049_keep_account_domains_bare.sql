-- Up Migration

-- An account's domain is kept bare: `https://www.Acme.com/about` is kept as `acme.com`, the
-- form the duplicate check, the duplicates page and an import's account matching look for
-- (bareDomain in server/src/modules/accounts/accounts.service.ts). Earlier releases kept a
-- domain given to the API as typed, so such an account was never grouped with its duplicates
-- nor matched by an import. Its domain is now written the same way, by the same steps: trimmed,
-- in lower case, without a scheme, a leading `www.` or anything from the first `/`, `?` or `#`.
-- The audit trail records each change like any other, with no one as its author. Accounts
-- whose domain is bare already are not touched (their version stays).
UPDATE accounts
SET domain = bare.domain
FROM (
  SELECT id, nullif(regexp_replace(regexp_replace(regexp_replace(
           lower(btrim(domain, E' \t\n\r\f\v')),
           '^[a-z][a-z0-9+.-]*://', ''),
           '^www\.', ''),
           '[/?#].*$', ''), '') AS domain
  FROM accounts
  WHERE domain IS NOT NULL
) AS bare
WHERE accounts.id = bare.id AND accounts.domain IS DISTINCT FROM bare.domain;

