import { withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import * as repo from './duplicates.repo.js';

export type DuplicateKind = repo.DuplicateKind;

export const DUPLICATES_LIMIT = 10;

export interface DuplicateQuery {
  email?: string;
  first_name?: string;
  last_name?: string;
  name?: string;
  domain?: string;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A domain as people write it: `https://www.Acme.com/` is `acme.com`. */
function bareDomain(value: string | undefined): string | undefined {
  return clean(
    value
      ?.trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .replace(/[/?#].*$/, ''),
  );
}

/**
 * Records of a kind that are likely the one about to be created: the same email, the same
 * name (first and last for people), or for accounts the same name or domain.
 */
export function findDuplicates(
  ctx: RequestContext,
  kind: repo.DuplicateKind,
  query: DuplicateQuery,
): Promise<repo.DuplicateRow[]> {
  const personName = [clean(query.first_name), clean(query.last_name)].filter(Boolean).join(' ');
  const probe: repo.DuplicateProbe = {
    email: clean(query.email)?.toLowerCase(),
    name: kind === 'account' ? clean(query.name) : clean(query.last_name) && personName,
    domain: bareDomain(query.domain),
  };
  return withTenant(ctx.deps.db, ctx, (tx) =>
    repo.findDuplicates(tx, ctx.orgId, kind, probe, DUPLICATES_LIMIT),
  );
}
