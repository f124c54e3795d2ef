import { withContext, type Tx } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { sendUnlessRefusedForGood } from '../../mail/mailer.js';
import { derivedScopedToken } from '../../lib/scoped-tokens.js';
import * as repo from './auth.repo.js';

/**
 * Emails a password-reset link. The payload carries ids only: the link's secret is derived
 * from the reset's id with the server's key, so every attempt sends the same link and only its
 * hash is stored. The mail server is talked to between two short transactions, never inside
 * one: the first stores the hash, the second marks the email sent once the server accepted it.
 * A job stopped in between sends the same email again (a duplicate, never a loss). A refusal for
 * good (5xx to the recipient or the message) is logged and not retried; other failures are.
 */
export async function sendPasswordReset(
  deps: JobDeps,
  payload: TaskPayloads['auth__send_password_reset'],
): Promise<void> {
  const asUser = <T>(work: (tx: Tx) => Promise<T>) =>
    withContext(deps.db, { orgId: null, userId: payload.user_id }, work);
  const pending = await asUser(async (tx) => {
    const reset = await repo.findUnsentPasswordReset(tx, payload.reset_id);
    const user = await repo.findUser(tx, payload.user_id);
    if (!reset || !user) return undefined;
    const token = derivedScopedToken(user.id, deps.config.jwtSecret, 'password-reset', reset.id);
    await repo.setPasswordResetHash(tx, reset.id, token.hash);
    const link = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token.token)}`;
    return { user, link };
  });
  if (!pending) return;
  const { user, link } = pending;
  if (!deps.mailer.configured) {
    // Without SMTP only the operator can pass the link on; no organization's admins may see it.
    deps.log.warn({ user_id: user.id }, `No SMTP server configured; password reset link: ${link}`);
  } else {
    const accepted = await sendUnlessRefusedForGood(
      deps.mailer,
      deps.log,
      {
        to: user.email,
        subject: 'Reset your Rampart password',
        text:
          `Hello ${user.name},\n\nSomeone asked to reset the password of your Rampart account. ` +
          `To choose a new password, open this link within the next hour:\n\n${link}\n\n` +
          `If it was not you, ignore this email: your password stays as it is.\n`,
      },
      { user_id: user.id },
    );
    // Refused for good: the reset stays unsent, and the person may ask again once the address works.
    if (!accepted) return;
  }
  await asUser((tx) => repo.markPasswordResetSent(tx, payload.reset_id));
}
