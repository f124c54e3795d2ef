import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../http/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './orgs.repo.js';

export function getOrg(ctx: RequestContext): Promise<repo.OrgRow> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const org = await repo.findOrg(tx, ctx.orgId);
    if (!org) throw new NotFoundError('Organization');
    return org;
  });
}

export function updateOrg(ctx: RequestContext, input: { name: string }): Promise<repo.OrgRow> {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const org = await repo.renameOrg(tx, ctx.orgId, name);
    if (!org) throw new NotFoundError('Organization');
    return org;
  });
}
