import type { Selectable, Updateable } from 'kysely';
import type { AccountsTable } from '../../db/schema.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Caller, RequestContext } from '../../http/context.js';
import { invalidField } from '../../lib/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import type { AccountFilters } from '../records/filters.js';
import { ownedRecords, withTagsOf, type WithCustomFields } from '../records/owned.service.js';
import type { RowVersion } from '../records/owned.repo.js';
import type { RECORD_KINDS } from '../records/registry.js';
import type { TagRef } from '../records/tags.js';
import * as repo from './accounts.repo.js';

export type AccountRow = Pick<
  Selectable<AccountsTable>,
  (typeof RECORD_KINDS.account.columns)[number]
> &
  RowVersion;

/** What the kind shows of a record, before its custom fields. */
type AccountShown = Omit<AccountRow, 'annual_revenue'> & {
  annual_revenue: number | null;
  tags: TagRef[];
};
export type Account = WithCustomFields<AccountShown>;

export interface AccountSummary {
  contacts: number;
  open_deals: number;
  open_deals_amount: number;
  open_tasks: number;
}

type Address = Record<string, string>;

export type AccountInput = Omit<
  Updateable<AccountsTable>,
  | 'id'
  | 'org_id'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'billing_address'
  | 'shipping_address'
  | 'annual_revenue'
> & {
  billing_address?: Address;
  shipping_address?: Address;
  annual_revenue?: number | null;
  tag_ids?: string[];
  custom_fields?: Record<string, unknown>;
};

export const accounts = ownedRecords<AccountRow, AccountShown>({
  kind: 'account',
  name: (account) => account.name,
  present: withTagsOf('account', (row: AccountRow, tags) => ({
    ...row,
    annual_revenue: row.annual_revenue === null ? null : Number(row.annual_revenue),
    tags,
  })),
});

/** The longest domain name DNS allows, and the API keeps. */
export const MAX_DOMAIN = 253;

/**
 * The bare host of a website, which is what people type when they look for a company:
 * `https://www.acme.com/x` gives `acme.com`. Null when the website has no host name with a dot,
 * or one longer than any domain.
 */
export function domainOf(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  try {
    const { hostname } = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    const host = hostname.replace(/^www\./, '').replace(/\.$/, '');
    return host.includes('.') && host.length <= MAX_DOMAIN ? host : null;
  } catch {
    return null;
  }
}

/**
 * A domain as people write it, bare: `https://www.Acme.com/about` is `acme.com`, as the domain a
 * website gives. Kept and looked for in this form, so that an account whose domain was typed as
 * an address is still found as a duplicate of one with the bare domain.
 */
export function bareDomain(value: string | null | undefined): string | null {
  return (
    value
      ?.trim()
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/^www\./, '')
      .replace(/[/?#].*$/, '') || null
  );
}

/**
 * A domain as given, bare and in the lower case it is kept in. The limit holds for that form:
 * lower case can be longer than what was typed (`İ` becomes `i` and a combining dot).
 */
function givenDomain(domain: string | null): string | null {
  const kept = bareDomain(domain);
  if (kept && kept.length > MAX_DOMAIN)
    throw invalidField('domain', `must be at most ${MAX_DOMAIN} characters once in lower case`);
  return kept;
}

function normalize({ tag_ids, custom_fields, ...values }: AccountInput) {
  const domain =
    values.domain !== undefined
      ? givenDomain(values.domain)
      : values.website !== undefined
        ? domainOf(values.website)
        : undefined;
  return {
    values: {
      ...values,
      ...(values.name !== undefined && { name: values.name.trim() }),
      ...(values.website !== undefined && { website: values.website?.trim() || null }),
      ...(domain !== undefined && { domain }),
      ...(values.email !== undefined && { email: values.email?.toLowerCase() ?? null }),
    },
    tagIds: tag_ids,
    customFields: custom_fields,
  };
}

/** Creates an account inside the caller's transaction; lead conversion uses it. */
export function insertAccount(
  tx: Tx,
  actor: Caller,
  input: AccountInput & { name: string },
): Promise<Account> {
  return accounts.insert(tx, actor, normalize(input));
}

export function listAccounts(
  ctx: RequestContext,
  params: ListParams,
  filters: AccountFilters,
): Promise<ListPage<Account>> {
  return accounts.list(ctx, params, filters);
}

export function getAccount(
  ctx: RequestContext,
  id: string,
): Promise<Account & { summary: AccountSummary }> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const row = await accounts.find(tx, id);
    const [account, summary] = await Promise.all([
      accounts.present(tx, row),
      repo.accountSummary(tx, id),
    ]);
    return {
      ...account,
      summary: { ...summary, open_deals_amount: Number(summary.open_deals_amount) },
    };
  });
}

export const createAccount = (ctx: RequestContext, input: AccountInput & { name: string }) =>
  accounts.create(ctx, normalize(input));

export const updateAccount = (
  ctx: RequestContext,
  id: string,
  input: AccountInput,
  ifMatch?: readonly string[],
) => accounts.update(ctx, id, { ...normalize(input), ifMatch });

export const deleteAccount = (ctx: RequestContext, id: string, ifMatch?: readonly string[]) =>
  accounts.remove(ctx, id, ifMatch);
