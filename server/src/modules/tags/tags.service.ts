import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './tags.repo.js';

export type Tag = repo.TagRow;

/** Names are trimmed and colors lower-cased, so `#FFAA00` and `#ffaa00` are one color. */
function normalize(input: repo.TagWrite): repo.TagWrite {
  const name = input.name?.trim();
  if (name === '') throw invalidField('name', 'must not be blank');
  return {
    ...(name !== undefined && { name }),
    ...(input.color !== undefined && { color: input.color.toLowerCase() }),
  };
}

export function listTags(ctx: RequestContext): Promise<Tag[]> {
  return withTenant(ctx.deps.db, ctx, (tx) => repo.listTags(tx));
}

export function getTag(ctx: RequestContext, id: string): Promise<Tag> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const tag = await repo.findTag(tx, id);
    if (!tag) throw new NotFoundError('Tag');
    return tag;
  });
}

export function createTag(
  ctx: RequestContext,
  input: { name: string; color?: string },
): Promise<Tag> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, (tx, member) => {
    requireAdmin(member);
    return repo.insertTag(tx, ctx.orgId, ctx.userId, { ...values, name: input.name.trim() });
  });
}

export function updateTag(ctx: RequestContext, id: string, input: repo.TagWrite): Promise<Tag> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const tag = await repo.updateTag(tx, id, values);
    if (!tag) throw new NotFoundError('Tag');
    return tag;
  });
}

export function deleteTag(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    if (!(await repo.deleteTag(tx, id))) throw new NotFoundError('Tag');
  });
}
