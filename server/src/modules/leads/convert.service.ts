import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import {
  ConflictError,
  invalidField,
  NotFoundError,
  referenceNotFound,
  ValidationError,
  type FieldProblem,
} from '../../lib/errors.js';
import { accounts, insertAccount, type Account } from '../accounts/accounts.service.js';
import { contacts, insertContact, type Contact } from '../contacts/contacts.service.js';
import { insertDeal, type Deal } from '../deals/deals.service.js';
import { fullName } from '../records/owned.service.js';
import { addTags } from '../records/tags.js';
import { throwProblems } from '../custom-fields/custom-values.js';
import * as convertRepo from './convert.repo.js';
import { leads, type Lead, type LeadRow } from './leads.service.js';

export interface ConvertInput {
  /** Attach to this existing account instead of creating one. */
  account_id?: string;
  /** Name of the account to create; defaults to the lead's company, then to its name. */
  account_name?: string;
  /** Attach this existing contact instead of creating one from the lead. */
  contact_id?: string;
  /** Also create a deal; every field is optional. */
  deal?: {
    name?: string;
    amount?: number;
    currency?: string;
    pipeline_id?: string;
    stage_id?: string;
    expected_close_date?: string | null;
  };
  /** The custom fields of each record the conversion creates. */
  custom_fields?: Partial<Record<'account' | 'contact' | 'deal', Record<string, unknown>>>;
}

export interface Conversion {
  lead: Lead;
  account: Account;
  contact: Contact;
  deal: Deal | null;
}

/** A record named by the caller that is not there is a bad reference on that field, not a 404. */
function notFoundAs(field: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof NotFoundError ? referenceNotFound(field) : error;
  };
}

/**
 * Refuses custom fields for a record the conversion does not create, rather than drop them.
 */
function refuseUnusedFields(input: ConvertInput): void {
  const given = input.custom_fields ?? {};
  const unused = [
    ['account', input.account_id, 'is for a new account: account_id attaches one'],
    ['contact', input.contact_id, 'is for a new contact: contact_id attaches one'],
    ['deal', !input.deal, 'is for a new deal: give deal to create one'],
  ] as const;
  for (const [kind, notCreated, message] of unused) {
    if (notCreated && given[kind] !== undefined)
      throw invalidField(`custom_fields.${kind}`, message);
  }
}

/**
 * A record's custom fields are checked as on its own create, where a problem names
 * `custom_fields.<key>`: in a conversion's body they are under `custom_fields.<kind>`.
 */
function fieldsOf(kind: 'account' | 'contact' | 'deal'): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof ValidationError)) throw error;
    const { fields } = error.details as { fields: FieldProblem[] };
    const named = fields.map((problem) => ({
      ...problem,
      field: problem.field.replace(/^custom_fields\./, `custom_fields.${kind}.`),
    }));
    throwProblems(named);
    throw error;
  };
}

/**
 * Refuses to create a second account of a name, or a second contact of an email, naming the
 * field and the record that is already there, so the caller can offer to attach to it instead.
 */
async function refuseDuplicates(
  tx: Tx,
  orgId: string,
  plan: { accountName?: string; contactEmail?: string | null },
): Promise<void> {
  if (plan.accountName !== undefined) {
    const existing = await convertRepo.accountNamed(tx, orgId, plan.accountName);
    if (existing)
      throw new ConflictError(
        'An account with this name already exists; pass its id as account_id to attach the lead to it',
        {
          fields: [{ field: 'account_name', message: 'is already the name of an account' }],
          existing: { account_id: existing.id },
        },
      );
  }
  if (plan.contactEmail) {
    const existing = await convertRepo.contactWithEmail(tx, orgId, plan.contactEmail);
    if (existing)
      throw new ConflictError(
        'A contact with this email already exists; pass its id as contact_id to attach the lead to it',
        {
          fields: [
            { field: 'contact_id', message: "a contact with the lead's email already exists" },
          ],
          existing: { contact_id: existing.id },
        },
      );
  }
}

/**
 * Turns a lead into an account (new or existing), a contact (new or existing) and optionally a
 * deal, in one transaction. The lead keeps links to what it became; converting twice is refused.
 */
export function convertLead(
  ctx: RequestContext,
  leadId: string,
  input: ConvertInput,
): Promise<Conversion> {
  refuseUnusedFields(input);
  const custom = input.custom_fields ?? {};
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const lead = await leads.find(tx, leadId, { lock: true });
    if (lead.converted_at) throw new ConflictError('This lead is already converted');
    const actor = { orgId: ctx.orgId, userId: ctx.userId };
    const accountName = input.account_name?.trim() || lead.company?.trim() || fullName(lead);
    await refuseDuplicates(tx, ctx.orgId, {
      accountName: input.account_id ? undefined : accountName,
      contactEmail: input.contact_id ? undefined : lead.email,
    });

    let account: Account;
    if (input.account_id) {
      account = await accounts.present(
        tx,
        await accounts.find(tx, input.account_id).catch(notFoundAs('account_id')),
      );
    } else {
      account = await insertAccount(tx, actor, {
        name: accountName,
        website: lead.website,
        phone: lead.phone,
        owner_id: lead.owner_id,
        billing_address: lead.address,
        custom_fields: custom.account,
      }).catch(fieldsOf('account'));
    }

    let contact: Contact;
    if (input.contact_id) {
      contact = await contacts.present(
        tx,
        await contacts.find(tx, input.contact_id).catch(notFoundAs('contact_id')),
      );
    } else {
      contact = await insertContact(tx, actor, {
        first_name: lead.first_name,
        last_name: lead.last_name,
        email: lead.email,
        phone: lead.phone,
        job_title: lead.job_title,
        address: lead.address,
        description: lead.description,
        account_id: account.id,
        owner_id: lead.owner_id,
        custom_fields: custom.contact,
      }).catch(fieldsOf('contact'));
    }

    const deal = input.deal
      ? await insertDeal(tx, actor, {
          name: input.deal.name?.trim() || `${account.name} deal`,
          amount:
            input.deal.amount ?? (lead.estimated_value === null ? 0 : Number(lead.estimated_value)),
          currency: input.deal.currency ?? lead.currency,
          pipeline_id: input.deal.pipeline_id,
          stage_id: input.deal.stage_id,
          expected_close_date: input.deal.expected_close_date ?? null,
          account_id: account.id,
          primary_contact_id: contact.id,
          owner_id: lead.owner_id,
          source: lead.source,
          custom_fields: custom.deal,
        }).catch(fieldsOf('deal'))
      : null;

    // Notes stay on the lead and are listed with what it became (see notes.repo.ts); tasks are
    // work still to do, and go where the work now is.
    await convertRepo.moveTasks(tx, ctx.orgId, lead.id, contact.id);
    await addTags(
      tx,
      { ...actor, type: 'contact', recordIds: [contact.id] },
      await convertRepo.tagIdsOfLead(tx, ctx.orgId, lead.id),
    );

    const converted = await convertRepo.markConverted<LeadRow>(tx, lead.id, {
      accountId: account.id,
      contactId: contact.id,
      dealId: deal?.id ?? null,
    });
    return {
      lead: await leads.present(tx, converted!),
      account,
      contact: await contacts.present(tx, await contacts.find(tx, contact.id)),
      deal,
    };
  });
}
