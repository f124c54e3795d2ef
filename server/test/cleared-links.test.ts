import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRecord } from './support/crm-records.js';
import { joinByInvitation } from './support/members.js';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

// Links that outlive their target: a member's records, an account's contacts and deals, a
// lead's conversion. The target's deletion clears the link and keeps the record, within the
// target's organization only.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function call(method: 'DELETE', url: string, who: SignedUp) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth });
}

async function column(table: string, id: string, name: string): Promise<unknown> {
  const [row] = await t.ownerQuery<Record<string, unknown>>(
    `SELECT ${name} AS value FROM ${table} WHERE id = $1`,
    [id],
  );
  expect(row, `${table} ${id} is gone`).toBeDefined();
  return row!['value'];
}

async function seedTask(org: SignedUp, assigneeId: string): Promise<string> {
  const [row] = await t.ownerQuery<{ id: string }>(
    'INSERT INTO tasks (org_id, title, assignee_id) VALUES ($1, $2, $3) RETURNING id',
    [org.orgId, 'Call back', assigneeId],
  );
  return row!.id;
}

describe('links cleared when their target is deleted', () => {
  it("leaves a removed member's records unowned and tasks unassigned, in that organization only", async () => {
    const owner = await signUp(t.app, 'cleared-owner');
    const member = await joinByInvitation(t.app, owner, 'member', 'cleared');
    const records = {
      leads: await seedRecord(t, owner, 'lead', 'Lead of member', member.userId),
      accounts: await seedRecord(t, owner, 'account', 'Account of member', member.userId),
      contacts: await seedRecord(t, owner, 'contact', 'Contact of member', member.userId),
      deals: await seedRecord(t, owner, 'deal', 'Deal of member', member.userId),
    };
    const task = await seedTask(owner, member.userId);
    const ownersLead = await seedRecord(t, owner, 'lead', 'Lead of owner', owner.userId);

    // The same person in another organization keeps what they own there.
    const elsewhere = await signUp(t.app, 'cleared-elsewhere');
    await t.ownerQuery(
      `INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'member')`,
      [elsewhere.orgId, member.userId],
    );
    const keptLead = await seedRecord(t, elsewhere, 'lead', 'Kept lead', member.userId);
    const keptTask = await seedTask(elsewhere, member.userId);

    expect((await call('DELETE', `/members/${member.userId}`, owner)).statusCode).toBe(204);

    for (const [table, id] of Object.entries(records)) {
      expect(await column(table, id, 'owner_id'), table).toBeNull();
    }
    expect(await column('tasks', task, 'assignee_id')).toBeNull();
    expect(await column('leads', ownersLead, 'owner_id')).toBe(owner.userId);
    expect(await column('leads', keptLead, 'owner_id')).toBe(member.userId);
    expect(await column('tasks', keptTask, 'assignee_id')).toBe(member.userId);

    // The trail says who cleared the owner, as it did when a foreign key did it.
    const trail = await t.ownerQuery<{ actor_id: string; changes: unknown }>(
      `SELECT actor_id, changes FROM audit_log
       WHERE org_id = $1 AND table_name = 'deals' AND record_id = $2 AND action = 'update'`,
      [owner.orgId, records.deals],
    );
    expect(trail).toEqual([
      { actor_id: owner.userId, changes: { owner_id: { old: member.userId } } },
    ]);
  });

  it('keeps contacts, deals and converted leads when their account, contact or deal goes', async () => {
    const a = await signUp(t.app, 'cleared-records');
    const account = await seedRecord(t, a, 'account', 'Gone soon');
    const contact = await seedRecord(t, a, 'contact', 'Primary');
    const deal = await seedRecord(t, a, 'deal', 'Renewal');
    const convertedDeal = await seedRecord(t, a, 'deal', 'From the lead');
    await t.ownerQuery('UPDATE contacts SET account_id = $2 WHERE org_id = $1 AND id = $3', [
      a.orgId,
      account,
      contact,
    ]);
    await t.ownerQuery(
      'UPDATE deals SET account_id = $2, primary_contact_id = $3 WHERE org_id = $1 AND id = $4',
      [a.orgId, account, contact, deal],
    );
    const [lead] = await t.ownerQuery<{ id: string }>(
      `INSERT INTO leads (org_id, last_name, status, converted_at, converted_account_id,
         converted_contact_id, converted_deal_id)
       VALUES ($1, 'Converted', 'converted', now(), $2, $3, $4) RETURNING id`,
      [a.orgId, account, contact, convertedDeal],
    );

    expect((await call('DELETE', `/accounts/${account}`, a)).statusCode).toBe(204);
    expect(await column('contacts', contact, 'account_id')).toBeNull();
    expect(await column('deals', deal, 'account_id')).toBeNull();
    expect(await column('leads', lead!.id, 'converted_account_id')).toBeNull();

    expect((await call('DELETE', `/contacts/${contact}`, a)).statusCode).toBe(204);
    expect(await column('deals', deal, 'primary_contact_id')).toBeNull();
    expect(await column('leads', lead!.id, 'converted_contact_id')).toBeNull();

    expect((await call('DELETE', `/deals/${convertedDeal}`, a)).statusCode).toBe(204);
    expect(await column('leads', lead!.id, 'converted_deal_id')).toBeNull();
    expect(await column('leads', lead!.id, 'status')).toBe('converted');
  });
});
