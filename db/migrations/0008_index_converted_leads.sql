-- Up Migration

-- A converted lead's notes stay on the lead and are listed with the account, contact and deal
-- it became (see notes.repo.ts): "the leads converted into record R" is read on every such
-- list, and stays an index condition with these.
CREATE INDEX leads_converted_account_idx ON leads (org_id, converted_account_id)
  WHERE converted_account_id IS NOT NULL;
CREATE INDEX leads_converted_contact_idx ON leads (org_id, converted_contact_id)
  WHERE converted_contact_id IS NOT NULL;
CREATE INDEX leads_converted_deal_idx ON leads (org_id, converted_deal_id)
  WHERE converted_deal_id IS NOT NULL;
