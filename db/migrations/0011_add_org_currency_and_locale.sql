-- Up Migration

-- An organization sells in a currency and reads numbers and dates in a locale: money was shown
-- with no currency of the organization's own, and every new deal and lead said USD.
ALTER TABLE orgs
  ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  ADD COLUMN locale text NOT NULL DEFAULT 'en-US'
    CHECK (length(locale) <= 35 AND locale ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$');

-- The currency of the organization the transaction works in: the default of new deals and
-- leads, whichever way they are written (the API, conversion, import, sample data). Read by
-- the organization's key; outside a tenant it falls back to USD, as before.
CREATE FUNCTION current_org_currency() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT o.currency FROM orgs o
     WHERE o.id = nullif(current_setting('app.current_org', true), '')::uuid),
    'USD')
$$;

ALTER TABLE deals ALTER COLUMN currency SET DEFAULT current_org_currency();
ALTER TABLE leads ALTER COLUMN currency SET DEFAULT current_org_currency();
