import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type SignedUp, type TestApp } from './support/test-app.js';

let t: TestApp;
let a: SignedUp;
let b: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, 'convert-a');
  b = await signUp(t.app, 'convert-b');
});
afterAll(async () => {
  await t.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, who: SignedUp, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function newLead(who: SignedUp, fields: Record<string, unknown> = {}) {
  const response = await call('POST', '/leads', who, {
    first_name: 'Ada',
    last_name: `Lovelace ${Math.random().toString(36).slice(2, 8)}`,
    email: `ada-${Math.random().toString(36).slice(2, 8)}@engines.example`,
    company: `Engines ${Math.random().toString(36).slice(2, 8)}`,
    estimated_value: 9000,
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('lead conversion', () => {
  it('turns a lead into an account, a contact and a deal in one call; its notes, tasks and tags follow', async () => {
    const [tag] = await t.ownerQuery<{ id: string }>(
      "INSERT INTO tags (org_id, name) VALUES ($1, 'Hot') RETURNING id",
      [a.orgId],
    );
    const lead = await newLead(a, { tag_ids: [tag!.id] });
    const note = (
      await call('POST', '/notes', a, { body: 'Met at the fair', lead_id: lead.id })
    ).json();
    const task = (
      await call('POST', '/tasks', a, { title: 'Send the proposal', lead_id: lead.id })
    ).json();

    const response = await call('POST', `/leads/${lead.id}/convert`, a, {
      deal: { name: 'First order' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { lead: converted, account, contact, deal } = response.json();

    expect(account.name).toBe(lead.company);
    expect(contact).toMatchObject({
      first_name: 'Ada',
      last_name: lead.last_name,
      email: lead.email,
      account_id: account.id,
    });
    expect(contact.tags.map((x: { id: string }) => x.id)).toEqual([tag!.id]);
    expect(deal).toMatchObject({
      name: 'First order',
      amount: 9000,
      account_id: account.id,
      primary_contact_id: contact.id,
    });
    expect(converted).toMatchObject({
      status: 'converted',
      converted_account_id: account.id,
      converted_contact_id: contact.id,
      converted_deal_id: deal.id,
    });
    expect(converted.converted_at).toEqual(expect.any(String));

    const notes = (await call('GET', `/notes?contact_id=${contact.id}`, a)).json();
    expect(notes.data.map((n: { id: string }) => n.id)).toEqual([note.id]);
    const tasks = (await call('GET', `/tasks?contact_id=${contact.id}`, a)).json();
    expect(tasks.data.map((x: { id: string }) => x.id)).toEqual([task.id]);
  });

  it("shows the lead's notes on the deal, the account and the contact it became", async () => {
    const lead = await newLead(a);
    const note = (
      await call('POST', '/notes', a, { body: 'Wants 20 seats', lead_id: lead.id })
    ).json();
    const converted = (
      await call('POST', `/leads/${lead.id}/convert`, a, { deal: { name: 'Seats' } })
    ).json();
    const onDeal = (
      await call('POST', '/notes', a, { body: 'Sent quote', deal_id: converted.deal.id })
    ).json();
    const ids = async (query: string) =>
      (await call('GET', `/notes?${query}`, a)).json().data.map((n: { id: string }) => n.id);
    expect(await ids(`deal_id=${converted.deal.id}`)).toEqual([onDeal.id, note.id]);
    expect(await ids(`account_id=${converted.account.id}`)).toEqual([note.id]);
    expect(await ids(`contact_id=${converted.contact.id}`)).toEqual([note.id]);
    expect(await ids(`lead_id=${lead.id}`)).toEqual([note.id]);
    const other = await newLead(a);
    expect(await ids(`lead_id=${other.id}`)).toEqual([]);
  });

  it('attaches to an existing account and creates no deal unless asked', async () => {
    const account = (await call('POST', '/accounts', a, { name: 'Existing Ltd' })).json();
    const lead = await newLead(a);
    const response = await call('POST', `/leads/${lead.id}/convert`, a, { account_id: account.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      account: { id: account.id },
      deal: null,
      contact: { account_id: account.id },
    });
  });

  it('takes the custom fields of the records it creates, required ones included', async () => {
    const org = await signUp(t.app, 'convert-fields');
    for (const [record_type, key, label] of [
      ['account', 'region', 'Region'],
      ['contact', 'source_code', 'Source code'],
      ['deal', 'quote', 'Quote'],
    ] as const) {
      const field = await call('POST', '/custom-fields', org, {
        record_type,
        key,
        label,
        field_type: 'text',
        required: true,
      });
      expect(field.statusCode, field.body).toBe(201);
    }
    const lead = await newLead(org);
    const refused = await call('POST', `/leads/${lead.id}/convert`, org, { deal: {} });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.details.fields).toEqual([
      { field: 'custom_fields.account.region', message: '"Region" is required' },
    ]);
    const converted = await call('POST', `/leads/${lead.id}/convert`, org, {
      deal: {},
      custom_fields: {
        account: { region: 'EMEA' },
        contact: { source_code: 'WEB-1' },
        deal: { quote: 'Q-7' },
      },
    });
    expect(converted.statusCode, converted.body).toBe(200);
    const { account, contact, deal } = converted.json();
    expect(account.custom_fields).toEqual({ region: 'EMEA' });
    expect(contact.custom_fields).toEqual({ source_code: 'WEB-1' });
    expect(deal.custom_fields).toEqual({ quote: 'Q-7' });
    // Values for a record the conversion does not create are refused, not dropped.
    const other = await newLead(org);
    const unused = await call('POST', `/leads/${other.id}/convert`, org, {
      account_id: account.id,
      custom_fields: { account: { region: 'APAC' } },
    });
    expect(unused.statusCode, unused.body).toBe(422);
    expect(unused.json().error.details.fields).toEqual([
      { field: 'custom_fields.account', message: 'is for a new account: account_id attaches one' },
    ]);
  });

  it('refuses to convert twice, and changes nothing the second time', async () => {
    const lead = await newLead(a);
    expect((await call('POST', `/leads/${lead.id}/convert`, a, {})).statusCode).toBe(200);
    const again = await call('POST', `/leads/${lead.id}/convert`, a, {});
    expect(again.statusCode).toBe(409);
    const contacts = await t.ownerQuery('SELECT 1 FROM contacts WHERE org_id = $1 AND email = $2', [
      a.orgId,
      lead.email,
    ]);
    expect(contacts).toHaveLength(1);
  });

  it('leaves nothing half-done when a step fails', async () => {
    const lead = await newLead(a);
    const before = await t.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM accounts WHERE org_id = $1',
      [a.orgId],
    );
    // A stage that does not exist fails the last step, after the account and contact were made.
    const response = await call('POST', `/leads/${lead.id}/convert`, a, {
      deal: { stage_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.fields[0].field).toBe('stage_id');
    const after = await t.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM accounts WHERE org_id = $1',
      [a.orgId],
    );
    expect(after).toEqual(before);
    expect((await call('GET', `/leads/${lead.id}`, a)).json().status).toBe('new');
  });

  it('names the conflict when the account or contact already exists', async () => {
    const lead = await newLead(a);
    await call('POST', '/accounts', a, { name: lead.company });
    const response = await call('POST', `/leads/${lead.id}/convert`, a, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.fields[0].field).toBe('account_name');
  });

  it('offers the existing account when a new account would take its name, whatever its case', async () => {
    const lead = await newLead(a);
    const existing = (
      await call('POST', '/accounts', a, { name: lead.company.toUpperCase() })
    ).json();
    const response = await call('POST', `/leads/${lead.id}/convert`, a, {});
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.details).toMatchObject({
      fields: [{ field: 'account_name' }],
      existing: { account_id: existing.id },
    });
    const named = await call('POST', `/leads/${lead.id}/convert`, a, {
      account_name: existing.name.toLowerCase(),
    });
    expect(named.json().error.details.existing).toEqual({ account_id: existing.id });
  });

  it("offers the existing contact that has the lead's email", async () => {
    const lead = await newLead(a);
    const contact = (
      await call('POST', '/contacts', a, { last_name: 'Already', email: lead.email })
    ).json();
    const response = await call('POST', `/leads/${lead.id}/convert`, a, {});
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.details).toMatchObject({
      fields: [{ field: 'contact_id' }],
      existing: { contact_id: contact.id },
    });
    const attached = await call('POST', `/leads/${lead.id}/convert`, a, {
      contact_id: contact.id,
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().contact.id).toBe(contact.id);
  });

  it('attaches to an existing account and contact and puts the deal where it is told', async () => {
    const account = (await call('POST', '/accounts', a, { name: `Chosen ${Date.now()}` })).json();
    const contact = (
      await call('POST', '/contacts', a, { last_name: 'Chosen', account_id: account.id })
    ).json();
    const pipeline = (
      await call('POST', '/pipelines', a, { name: `Renewals ${Date.now()}` })
    ).json();
    const stage = pipeline.stages[1];
    const lead = await newLead(a);
    const response = await call('POST', `/leads/${lead.id}/convert`, a, {
      account_id: account.id,
      contact_id: contact.id,
      deal: { pipeline_id: pipeline.id, stage_id: stage.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      account: { id: account.id },
      contact: { id: contact.id },
      deal: { pipeline_id: pipeline.id, stage_id: stage.id, account_id: account.id },
    });
  });

  it('refuses a stage of another pipeline, and defaults to the first open stage of the default pipeline', async () => {
    const pipeline = (await call('POST', '/pipelines', a, { name: `Other ${Date.now()}` })).json();
    const board = (await call('GET', '/pipelines', a)).json();
    const main = board.data.find((p: { is_default: boolean }) => p.is_default);
    const lead = await newLead(a);
    const wrong = await call('POST', `/leads/${lead.id}/convert`, a, {
      deal: { pipeline_id: main.id, stage_id: pipeline.stages[0].id },
    });
    expect(wrong.statusCode, wrong.body).toBe(422);
    expect(wrong.json().error.details.fields[0].field).toBe('stage_id');
    const fine = await call('POST', `/leads/${lead.id}/convert`, a, { deal: {} });
    expect(fine.statusCode, fine.body).toBe(200);
    const firstOpen = main.stages.find((s: { kind: string }) => s.kind === 'open');
    expect(fine.json().deal).toMatchObject({ pipeline_id: main.id, stage_id: firstOpen.id });
  });

  it("keeps another organization's leads and records out of reach", async () => {
    const lead = await newLead(a);
    expect((await call('POST', `/leads/${lead.id}/convert`, b, {})).statusCode).toBe(404);
    const bLead = await newLead(b);
    const aAccount = (await call('POST', '/accounts', a, { name: 'A private account' })).json();
    const foreign = await call('POST', `/leads/${bLead.id}/convert`, b, {
      account_id: aAccount.id,
    });
    const missing = await call('POST', `/leads/${bLead.id}/convert`, b, {
      account_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toEqual(missing.json());
    expect((await call('GET', `/leads/${lead.id}`, a)).json().status).toBe('new');
  });
});
