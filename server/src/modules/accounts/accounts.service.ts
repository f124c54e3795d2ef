import { withTenant, type Tx } from '../../db/tenant.js';
import type { Caller, RequestContext } from '../../http/context.js';
import { NotFoundError } from '../../http/errors.js';
import type { ListPage, ListParams } from '../../lib/list-query.js';
import { requireCanDelete } from '../records/permissions.js';
import { afterOwnedRecordWrite } from '../records/record-writes.js';
import { tagsOf, type TagRef } from '../records/tags.js';
import * as repo from './accounts.repo.js';

export type Account = Omit<repo.AccountRow, 'annual_revenue'> & {
  annual_revenue: number | null;
  tags: TagRef[];
};

export interface AccountSummary {
  contacts: number;
  open_deals: number;
  open_deals_amount: number;
  open_tasks: number;
}

export type AccountInput = repo.AccountWrite & { tag_ids?: string[] };

function toAccount(row: repo.AccountRow, tags: TagRef[]): Account {
  return {
    ...row,
    annual_revenue: row.annual_revenue === null ? null : Number(row.annual_revenue),
    tags,
  };
}

/** Accounts with their tags, in the order given. */
export async function withTags(tx: Tx, rows: repo.AccountRow[]): Promise<Account[]> {
  const tags = await tagsOf(
    tx,
    'account',
    rows.map((r) => r.id),
  );
  return rows.map((row) => toAccount(row, tags.get(row.id) ?? []));
}

/**
 * The bare host of a website, which is what people type when they look for a company:
 * `https://www.acme.com/x` gives `acme.com`. Null when the website has no host name with a dot.
 */
export function domainOf(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  try {
    const { hostname } = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    const host = hostname.replace(/^www\./, '').replace(/\.$/, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

function normalize(input: AccountInput): { values: repo.AccountWrite; tagIds?: string[] } {
  const { tag_ids, ...values } = input;
  const domain =
    values.domain !== undefined
      ? values.domain?.trim().toLowerCase() || null
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
  };
}

const label = (account: { name: string }) => `Account "${account.name}"`;

/**
 * Creates an account inside the caller's transaction, with its tags and its owner's
 * notification: the one way to create an account, also used when a lead is converted.
 */
export async function insertAccount(
  tx: Tx,
  actor: Caller,
  input: AccountInput & { name: string },
): Promise<Account> {
  const { values, tagIds } = normalize(input);
  const row = await repo.insertAccount(tx, actor.orgId, actor.userId, {
    ...values,
    name: values.name ?? input.name,
    owner_id: values.owner_id === undefined ? actor.userId : values.owner_id,
  });
  await afterOwnedRecordWrite(tx, actor, {
    type: 'account',
    recordId: row.id,
    tagIds,
    label: label(row),
    ownerId: row.owner_id,
  });
  return (await withTags(tx, [row]))[0]!;
}

export function listAccounts(
  ctx: RequestContext,
  params: ListParams,
  filters: repo.AccountFilters,
): Promise<ListPage<Account>> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const page = await repo.listAccounts(tx, params, filters);
    return { ...page, data: await withTags(tx, page.data) };
  });
}

export function getAccount(
  ctx: RequestContext,
  id: string,
): Promise<Account & { summary: AccountSummary }> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const row = await repo.findAccount(tx, id);
    if (!row) throw new NotFoundError('Account');
    const [[account], summary] = await Promise.all([
      withTags(tx, [row]),
      repo.accountSummary(tx, id),
    ]);
    return {
      ...account!,
      summary: { ...summary, open_deals_amount: Number(summary.open_deals_amount) },
    };
  });
}

export function createAccount(
  ctx: RequestContext,
  input: AccountInput & { name: string },
): Promise<Account> {
  return withTenant(ctx.deps.db, ctx, (tx) => insertAccount(tx, ctx, input));
}

export function updateAccount(
  ctx: RequestContext,
  id: string,
  input: AccountInput,
): Promise<Account> {
  const { values, tagIds } = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const before = await repo.findAccount(tx, id, { lock: true });
    if (!before) throw new NotFoundError('Account');
    const row = Object.keys(values).length > 0 ? await repo.updateAccount(tx, id, values) : before;
    if (!row) throw new NotFoundError('Account');
    await afterOwnedRecordWrite(tx, ctx, {
      type: 'account',
      recordId: id,
      tagIds,
      label: label(row),
      ownerId: row.owner_id,
      previousOwnerId: before.owner_id,
    });
    return (await withTags(tx, [row]))[0]!;
  });
}

export function deleteAccount(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    const account = await repo.findAccount(tx, id, { lock: true });
    if (!account) throw new NotFoundError('Account');
    requireCanDelete(member, account);
    await repo.deleteAccount(tx, id);
  });
}
