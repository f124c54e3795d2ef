-- Up Migration

-- A user may read the organizations they belong to (the organization switcher). The policy
-- looked the user's memberships up by user alone (`id IN (SELECT m.org_id ...)`), a read of
-- memberships without org_id in its index condition wherever an organization is read by id;
-- the same rule as a correlated EXISTS checks each organization read by its (org_id, user_id)
-- key instead. Every read of orgs names its organizations by id. OFFSET 0 keeps the planner
-- from turning the EXISTS back into a hashed read of all the user's memberships.
ALTER POLICY orgs_select ON orgs USING (
  id = verified_org()
  OR EXISTS (SELECT 1 FROM memberships m
             WHERE m.org_id = orgs.id AND m.user_id = verified_user() OFFSET 0)
);
