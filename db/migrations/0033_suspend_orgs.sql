-- Up Migration

-- An operator suspends an organization (`rampart org suspend`) when it must stop using the
-- instance without losing its data: every request of its members is refused where the tenant
-- is entered (server/src/db/tenant.ts), until it is unsuspended. NULL: not suspended.
ALTER TABLE orgs ADD COLUMN suspended_at timestamptz;

-- Only the operator, connected as the owner, may suspend: the API role keeps the right to
-- change what an organization's admins may change, and no more.
REVOKE UPDATE ON orgs FROM rampart_api;
GRANT UPDATE (name, currency, locale, max_file_bytes, updated_at) ON orgs TO rampart_api;
