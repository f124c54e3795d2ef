import { withTenant, type Tx } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './orgs.repo.js';

export type OrgSettings = repo.OrgRow & { instance_max_file_bytes: number };

function withInstanceLimits(ctx: RequestContext, org: repo.OrgRow): OrgSettings {
  return { ...org, instance_max_file_bytes: ctx.deps.config.fileMaxBytes };
}

export function getOrg(ctx: RequestContext): Promise<OrgSettings> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const org = await repo.findOrg(tx, ctx.orgId);
    if (!org) throw new NotFoundError('Organization');
    return withInstanceLimits(ctx, org);
  });
}

/** The currency the organization's amounts are stored in unless they name another. */
export function orgCurrency(tx: Tx, orgId: string): Promise<string> {
  return repo.orgCurrency(tx, orgId);
}

// ISO 4217 codes in use, as the runtime's Intl knows them; the database only checks the shape.
export const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The tag in its canonical case (`en-us` becomes `en-US`), or a 422 naming `locale`. */
function canonicalLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical) return canonical;
  } catch {
    // RangeError: not a well-formed BCP 47 tag.
  }
  throw invalidField('locale', 'must be a BCP 47 language tag such as en-US');
}

function validChanges(ctx: RequestContext, input: repo.OrgChanges): repo.OrgChanges {
  const changes: repo.OrgChanges = {};
  if (input.name !== undefined) {
    changes.name = input.name.trim();
    if (!changes.name) throw invalidField('name', 'must not be blank');
  }
  if (input.currency !== undefined) {
    if (!CURRENCIES.has(input.currency))
      throw invalidField('currency', 'must be an ISO 4217 currency code such as USD');
    changes.currency = input.currency;
  }
  if (input.locale !== undefined) changes.locale = canonicalLocale(input.locale);
  if (input.max_file_bytes !== undefined) {
    const cap = ctx.deps.config.fileMaxBytes;
    if (input.max_file_bytes > cap)
      throw invalidField('max_file_bytes', `must be at most ${cap}, this installation's limit`);
    changes.max_file_bytes = input.max_file_bytes;
  }
  return changes;
}

/** Admins rename the organization and set its currency, locale and file size limit. */
export function updateOrg(ctx: RequestContext, input: repo.OrgChanges): Promise<OrgSettings> {
  const changes = validChanges(ctx, input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const org = await repo.updateOrg(tx, ctx.orgId, changes);
    if (!org) throw new NotFoundError('Organization');
    return withInstanceLimits(ctx, org);
  });
}
