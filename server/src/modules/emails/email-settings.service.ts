import { createHmac, timingSafeEqual } from 'node:crypto';
import { withContext, withTenant, type Tx } from '../../db/tenant.js';
import type { AppDeps, RequestContext } from '../../http/context.js';
import { invalidField } from '../../lib/errors.js';
import { seal, unseal } from '../../lib/sealed.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './emails.repo.js';

const PASSWORD_PURPOSE = 'org-smtp-password';

export interface EmailSettings {
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_secure: boolean;
  smtp_username: string | null;
  /** Whether a password is kept: the password itself is never returned. */
  smtp_password_set: boolean;
  from_address: string | null;
  /** Whether the instance's mail server (SMTP_URL) sends when the organization has none. */
  instance_smtp: boolean;
  /** Where to send or BCC email to log it here; null when the instance runs no receiver. */
  logging_address: string | null;
}

export interface EmailSettingsInput {
  smtp_host?: string | null;
  smtp_port?: number | null;
  smtp_secure?: boolean;
  smtp_username?: string | null;
  /** A new password; null forgets it; absent keeps it. */
  smtp_password?: string | null;
  from_address?: string | null;
}

/**
 * The secret of an organization's logging address, made again from its id and rotation count
 * with the server's key: never stored. Hex, lower case (mail relays may fold the case of an
 * address) and 88 bits, so that `log+<org id>.<secret>` stays within the 64 characters an
 * address's local part may have.
 */
function loggingSecret(deps: AppDeps, orgId: string, version: number): string {
  return createHmac('sha256', deps.config.jwtSecret)
    .update(`email-logging\0${orgId}:${version}`)
    .digest('hex')
    .slice(0, 22);
}

export const LOGGING_LOCAL_PART = /^log\+([0-9a-f-]{36})\.([0-9a-f]{22})$/;

function loggingAddress(deps: AppDeps, orgId: string, version: number): string | null {
  const { smtpReceiverPort, smtpReceiverDomain } = deps.config;
  if (smtpReceiverPort === undefined) return null;
  return `log+${orgId}.${loggingSecret(deps, orgId, version)}@${smtpReceiverDomain}`;
}

function present(deps: AppDeps, orgId: string, row: repo.SettingsRow | undefined): EmailSettings {
  return {
    smtp_host: row?.smtp_host ?? null,
    smtp_port: row?.smtp_port ?? null,
    smtp_secure: row?.smtp_secure ?? false,
    smtp_username: row?.smtp_username ?? null,
    smtp_password_set: row?.smtp_password_sealed != null,
    from_address: row?.from_address ?? null,
    instance_smtp: deps.mailer.configured,
    logging_address: loggingAddress(deps, orgId, row?.logging_secret_version ?? 1),
  };
}

export function getEmailSettings(ctx: RequestContext): Promise<EmailSettings> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    return present(ctx.deps, ctx.orgId, await repo.findSettings(tx));
  });
}

export function updateEmailSettings(
  ctx: RequestContext,
  input: EmailSettingsInput,
): Promise<EmailSettings> {
  const { smtp_password: password, ...rest } = input;
  const values: repo.SettingsValues = {
    ...rest,
    ...(rest.smtp_host !== undefined && { smtp_host: rest.smtp_host?.trim() || null }),
    ...(password !== undefined && {
      smtp_password_sealed:
        password === null ? null : seal(ctx.deps.config.jwtSecret, PASSWORD_PURPOSE, password),
    }),
  };
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const row = await repo.saveSettings(tx, ctx.orgId, ctx.userId, values);
    if (row.smtp_host && !row.smtp_port)
      throw invalidField('smtp_port', 'is required with smtp_host');
    return present(ctx.deps, ctx.orgId, row);
  });
}

/** A new logging address: the old one is refused from now on. */
export function rotateLoggingAddress(ctx: RequestContext): Promise<EmailSettings> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const version = ((await repo.findSettings(tx))?.logging_secret_version ?? 1) + 1;
    const row = await repo.saveSettings(tx, ctx.orgId, ctx.userId, {
      logging_secret_version: version,
    });
    return present(ctx.deps, ctx.orgId, row);
  });
}

/** How an organization's email leaves: its own server, or the instance's (undefined). */
export interface OrgTransport {
  from: string;
  smtp?: {
    host: string;
    port: number;
    secure: boolean;
    auth?: { user: string; pass: string };
  };
}

export async function transportOf(deps: AppDeps, tx: Tx): Promise<OrgTransport> {
  const row = await repo.findSettings(tx);
  const from = row?.from_address ?? deps.config.mailFrom;
  if (!row?.smtp_host || !row.smtp_port) return { from };
  const pass = row.smtp_password_sealed
    ? unseal(deps.config.jwtSecret, PASSWORD_PURPOSE, row.smtp_password_sealed)
    : null;
  return {
    from,
    smtp: {
      host: row.smtp_host,
      port: row.smtp_port,
      secure: row.smtp_secure,
      ...(row.smtp_username && { auth: { user: row.smtp_username, pass: pass ?? '' } }),
    },
  };
}

/**
 * The organization a logging address opens, or null. The organization is entered by the id the
 * address names and the secret compared there with the one made for its current rotation: a
 * secret made for another organization, or before a rotation, opens nothing.
 */
export async function organizationOfLoggingAddress(
  deps: AppDeps,
  address: string,
): Promise<string | null> {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const domain = address.slice(at + 1).toLowerCase();
  if (domain !== deps.config.smtpReceiverDomain.toLowerCase()) return null;
  const match = LOGGING_LOCAL_PART.exec(address.slice(0, at).toLowerCase());
  if (!match) return null;
  const [, orgId, given] = match as unknown as [string, string, string];
  const version = await withContext(
    deps.db,
    { orgId, userId: null },
    async (tx) => (await repo.findSettings(tx))?.logging_secret_version ?? 1,
  );
  const expected = Buffer.from(loggingSecret(deps, orgId, version));
  return timingSafeEqual(expected, Buffer.from(given)) ? orgId : null;
}
