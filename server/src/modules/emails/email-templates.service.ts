import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import { invalidField, NotFoundError } from '../../lib/errors.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './emails.repo.js';

/**
 * Templates are the organization's shared wording: every member uses them, admins write them
 * (as they do pipelines and custom fields), so that a team's emails say the same thing.
 */
export type EmailTemplate = repo.TemplateRow;

const notFound = () => new NotFoundError('Template');

function normalize<T extends Partial<repo.TemplateValues>>(input: T): T {
  if (input.name !== undefined && !input.name.trim())
    throw invalidField('name', 'must not be blank');
  if (input.subject !== undefined && !input.subject.trim())
    throw invalidField('subject', 'must not be blank');
  if (input.body !== undefined && !input.body.trim())
    throw invalidField('body', 'must not be blank');
  return { ...input, ...(input.name !== undefined && { name: input.name.trim() }) };
}

export function listTemplates(ctx: RequestContext): Promise<EmailTemplate[]> {
  return withTenant(ctx.deps.db, ctx, (tx) => repo.listTemplates(tx));
}

export function getTemplate(ctx: RequestContext, id: string): Promise<EmailTemplate> {
  return withTenant(ctx.deps.db, ctx, async (tx) => {
    const template = await repo.findTemplate(tx, id);
    if (!template) throw notFound();
    return template;
  });
}

export function createTemplate(
  ctx: RequestContext,
  input: repo.TemplateValues,
): Promise<EmailTemplate> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member, 'Only admins and owners can write email templates');
    return repo.insertTemplate(tx, ctx.orgId, ctx.userId, values);
  });
}

export function updateTemplate(
  ctx: RequestContext,
  id: string,
  input: Partial<repo.TemplateValues>,
): Promise<EmailTemplate> {
  const values = normalize(input);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    if (!(await repo.findTemplate(tx, id, { lock: true }))) throw notFound();
    requireAdmin(member, 'Only admins and owners can write email templates');
    return (await repo.updateTemplate(tx, id, values))!;
  });
}

export function deleteTemplate(ctx: RequestContext, id: string): Promise<void> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    if (!(await repo.findTemplate(tx, id, { lock: true }))) throw notFound();
    requireAdmin(member, 'Only admins and owners can write email templates');
    await repo.deleteTemplate(tx, id);
  });
}
