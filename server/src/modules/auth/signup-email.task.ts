import { withContext, type Tx } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { sendUnlessRefusedForGood, type OutgoingMessage } from '../../mail/mailer.js';
import { derivedScopedToken } from '../../lib/scoped-tokens.js';
import * as repo from './auth.repo.js';
import { SIGNUP_TTL_HOURS } from './auth.service.js';

type Pending = { message: OutgoingMessage; link: string | null; closed: boolean };

/**
 * Emails what a sign-up asked for: the link that creates the account or, when the address
 * already has an account, a note saying so and how to sign in. Only here is the address looked
 * up, after the person was answered, so the answer said nothing about it (decision 0016). As for
 * a password reset, the link's secret is derived from the sign-up's id, only its hash is stored,
 * and the mail server is talked to between two short transactions; a refusal for good is logged
 * and not retried.
 */
export async function sendSignupEmail(
  deps: JobDeps,
  payload: TaskPayloads['auth__send_signup_email'],
): Promise<void> {
  const asNewUser = <T>(work: (tx: Tx) => Promise<T>) =>
    withContext(deps.db, { orgId: null, userId: payload.user_id }, work);
  const { publicUrl, jwtSecret } = deps.config;
  const pending = await asNewUser(async (tx): Promise<Pending | undefined> => {
    const signup = await repo.findUnsentPendingSignup(tx, payload.user_id);
    if (!signup) return undefined;
    if (await repo.findLoginByEmail(tx, signup.email)) {
      return { message: alreadyRegistered(signup.email, publicUrl), link: null, closed: true };
    }
    const token = derivedScopedToken(signup.user_id, jwtSecret, 'sign-up', signup.user_id);
    await repo.setPendingSignupHash(tx, signup.user_id, token.hash);
    const link = `${publicUrl}/verify-email?token=${encodeURIComponent(token.token)}`;
    return { message: verification(signup, link), link, closed: false };
  });
  if (!pending) return;
  if (deps.mailer.configured) {
    const accepted = await sendUnlessRefusedForGood(deps.mailer, deps.log, pending.message, {
      user_id: payload.user_id,
    });
    // Refused for good: the sign-up stays unsent until its time is past and it is forgotten.
    if (!accepted) return;
  } else if (pending.link) {
    // Without SMTP only the operator can pass the link on; it belongs to no organization.
    deps.log.warn(
      { email: pending.message.to },
      `No SMTP server configured; sign-up verification link: ${pending.link}`,
    );
  } else {
    deps.log.warn(
      { email: pending.message.to },
      'No SMTP server configured; a sign-up asked for an email that already has an account',
    );
  }
  await asNewUser((tx) => repo.markPendingSignupSent(tx, payload.user_id, pending.closed));
}

function verification(signup: { email: string; name: string }, link: string): OutgoingMessage {
  return {
    to: signup.email,
    subject: 'Finish creating your Rampart account',
    text:
      `Hello ${signup.name},\n\nTo finish creating your Rampart account, open this link within ` +
      `the next ${SIGNUP_TTL_HOURS} hours:\n\n${link}\n\n` +
      `If you did not sign up, ignore this email: no account is created without it.\n`,
  };
}

function alreadyRegistered(email: string, publicUrl: string): OutgoingMessage {
  return {
    to: email,
    subject: 'You already have a Rampart account',
    text:
      `Hello,\n\nSomeone asked to create a Rampart account for this email address, which ` +
      `already has one, so no new account was made.\n\n` +
      `To sign in: ${publicUrl}/sign-in\n` +
      `Forgot your password? ${publicUrl}/forgot-password\n\n` +
      `If it was not you, ignore this email: nothing about your account has changed.\n`,
  };
}
