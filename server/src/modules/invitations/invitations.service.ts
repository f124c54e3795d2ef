import { randomUUID } from 'node:crypto';
import { recordSecurityEvent } from '../../db/security-events.js';
import { withContext, withTenant } from '../../db/tenant.js';
import type { RequestContext } from '../../http/context.js';
import {
  ConflictError,
  invalidField,
  NotFoundError,
  type ValidationError,
} from '../../lib/errors.js';
import { newScopedToken, parseScopedToken } from '../../lib/scoped-tokens.js';
import { queueOrgEmail } from '../../mail/outbox.js';
import * as accounts from '../auth/auth.service.js';
import {
  normalizeEmail,
  startSession,
  verifyCredentials,
  type PublicContext,
  type Session,
} from '../auth/auth.service.js';
import { hashNewPassword } from '../auth/passwords.js';
import * as members from '../members/members.service.js';
import { requireAdmin } from '../members/permissions.js';
import * as repo from './invitations.repo.js';

const INVITATION_TTL_DAYS = 7;

export interface CreatedInvitation {
  id: string;
  email: string;
  role: repo.InvitedRole;
  expires_at: string;
  link: string;
}

export interface OpenInvitation {
  id: string;
  email: string;
  role: repo.InvitedRole;
  created_at: string;
  expires_at: string;
  expired: boolean;
}

function invalidToken(): ValidationError {
  return invalidField('token', 'is invalid, has expired or was already used', 'malformed');
}

function invitationEmail(input: {
  inviter: string;
  org: string;
  role: repo.InvitedRole;
  link: string;
  expiresAt: Date;
}): { subject: string; text: string } {
  const role = input.role === 'admin' ? 'an admin' : 'a member';
  return {
    subject: `${input.inviter} invited you to ${input.org} on Rampart`,
    text:
      `Hello,\n\n${input.inviter} invited you to join ${input.org} on Rampart as ${role}.\n\n` +
      `To accept, open this link before ${input.expiresAt.toUTCString()}:\n\n${input.link}\n\n` +
      `If you were not expecting this invitation, ignore this email.\n`,
  };
}

/**
 * Invites someone by email. Inviting an email that already has a pending invitation replaces
 * it: the earlier link stops working and the new one is sent, as "resend invitation" does.
 */
export async function createInvitation(
  ctx: RequestContext,
  input: { email: string; role: repo.InvitedRole },
): Promise<CreatedInvitation> {
  const email = normalizeEmail(input.email);
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    await repo.lockEmail(tx, ctx.orgId, email);
    if (await members.isMemberByEmail(tx, ctx.orgId, email)) {
      throw new ConflictError('This person is already a member of the organization', {
        fields: [{ field: 'email', message: 'is already a member of the organization' }],
      });
    }
    const replaced = await repo.revokeOpenFor(tx, ctx.orgId, email);
    const token = newScopedToken(ctx.orgId);
    const invitation = await repo.insertInvitation(tx, {
      orgId: ctx.orgId,
      email,
      role: input.role,
      tokenHash: token.hash,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      createdBy: ctx.userId,
    });
    const [org, inviter] = await Promise.all([
      accounts.findOrg(tx, ctx.orgId),
      accounts.findUser(tx, ctx.userId),
    ]);
    if (!org || !inviter) throw new NotFoundError('Organization');
    const link = `${ctx.deps.config.publicUrl}/accept-invite?token=${encodeURIComponent(token.token)}`;
    await queueOrgEmail(tx, ctx.orgId, {
      to: email,
      ...invitationEmail({
        inviter: inviter.name,
        org: org.name,
        role: invitation.role,
        link,
        expiresAt: invitation.expires_at,
      }),
      kind: 'invitation',
      createdBy: ctx.userId,
    });
    await recordSecurityEvent(tx, 'invitation.created', {
      invitation_id: invitation.id,
      email,
      role: invitation.role,
      ...(replaced.length > 0 && { replaced_invitation_ids: replaced }),
    });
    return {
      id: invitation.id,
      email,
      role: invitation.role,
      expires_at: invitation.expires_at.toISOString(),
      link,
    };
  });
}

export async function listInvitations(ctx: RequestContext): Promise<OpenInvitation[]> {
  return withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const now = Date.now();
    return (await repo.listOpen(tx, ctx.orgId)).map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      created_at: row.created_at.toISOString(),
      expires_at: row.expires_at.toISOString(),
      expired: row.expires_at.getTime() <= now,
    }));
  });
}

export async function revokeInvitation(ctx: RequestContext, id: string): Promise<void> {
  await withTenant(ctx.deps.db, ctx, async (tx, member) => {
    requireAdmin(member);
    const invitation = await repo.lockInvitation(tx, ctx.orgId, id);
    if (!invitation || invitation.revoked_at) throw new NotFoundError('Invitation');
    if (invitation.accepted_at) {
      throw new ConflictError('This invitation was already accepted; remove the member instead');
    }
    await repo.revoke(tx, ctx.orgId, invitation.id);
    await recordSecurityEvent(tx, 'invitation.revoked', {
      invitation_id: invitation.id,
      email: invitation.email,
    });
  });
}

/**
 * What the accept page shows: never whether the invited email has an account, which anyone
 * holding a link (the admin who invited, too) could otherwise learn about any address
 * (decision 0016). The page offers both ways in and the server decides on submit.
 */
export async function previewInvitation(
  ctx: PublicContext,
  token: string,
): Promise<{ org: { name: string }; email: string; role: repo.InvitedRole }> {
  const parsed = parseScopedToken(token);
  if (!parsed) throw invalidToken();
  return withContext(ctx.deps.db, { orgId: parsed.scopeId, userId: null }, async (tx) => {
    const invitation = await repo.findPendingByHash(tx, parsed.scopeId, parsed.hash);
    if (!invitation) throw invalidToken();
    const org = await accounts.findOrg(tx, parsed.scopeId);
    if (!org) throw invalidToken();
    return { org: { name: org.name }, email: invitation.email, role: invitation.role };
  });
}

/**
 * Joins the invitation's organization as the invited email: with that account's password when
 * it exists, or by creating the account when a name is sent and it does not. Signing in to an
 * account that does not exist is answered as a wrong password is, so that the answer does not
 * tell whether the email has an account. Answers with a session in the organization, as
 * sign-in does.
 */
export async function acceptInvitation(
  ctx: PublicContext,
  input: { token: string; name?: string | undefined; password: string },
): Promise<Session & { user: accounts.UserRow; org: { id: string; name: string } }> {
  const parsed = parseScopedToken(input.token);
  if (!parsed) throw invalidToken();
  const orgId = parsed.scopeId;
  const { db } = ctx.deps;

  const { invitation, account } = await withContext(db, { orgId, userId: null }, async (tx) => {
    const found = await repo.findPendingByHash(tx, orgId, parsed.hash);
    if (!found) throw invalidToken();
    return { invitation: found, account: await accounts.findLoginByEmail(tx, found.email) };
  });

  let user: accounts.UserRow;
  let newAccount: (accounts.UserRow & { passwordHash: string }) | undefined;
  const name = input.name?.trim();
  if (account || !name) {
    // Without an account this throws the very answer a wrong password gets, and counts it.
    user = await verifyCredentials(ctx, { email: invitation.email, password: input.password });
  } else {
    user = { id: randomUUID(), email: invitation.email, name };
    newAccount = {
      ...user,
      passwordHash: await hashNewPassword(input.password, [invitation.email, name]),
    };
  }

  try {
    // The new user's id is the context's user: the users table only takes a row for oneself.
    return await withContext(db, { orgId, userId: user.id }, async (tx) => {
      // Locked and checked again: the same link used twice at once joins once.
      const current = await repo.findPendingByHash(tx, orgId, parsed.hash, { lock: true });
      if (current?.id !== invitation.id) throw invalidToken();
      if (newAccount) await accounts.insertUser(tx, newAccount);
      await members.insertMember(tx, {
        orgId,
        userId: user.id,
        role: current.role,
        createdBy: current.created_by,
      });
      await repo.markAccepted(tx, orgId, current.id, user.id);
      await recordSecurityEvent(tx, 'invitation.accepted', {
        invitation_id: current.id,
        email: current.email,
        role: current.role,
        new_account: newAccount !== undefined,
      });
      const org = await accounts.findOrg(tx, orgId);
      if (!org) throw invalidToken();
      const session = await startSession(ctx.deps, tx, { userId: user.id, orgId });
      return { ...session, user, org };
    });
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'users_email_key') {
      // The email was registered between the two steps; a retry asks for that account's password.
      throw new ConflictError('An account with this email was just created; try again', {
        fields: [{ field: 'email', message: 'is already registered' }],
      });
    }
    throw error;
  }
}
