import { withContext } from '../../db/tenant.js';
import type { JobDeps } from '../../jobs/context.js';
import type { TaskPayloads } from '../../jobs/queue.js';
import { newScopedToken } from '../../lib/scoped-tokens.js';
import * as repo from './auth.repo.js';

/**
 * Emails a password-reset link. The secret is made here, not in the request, so the job's
 * payload carries ids only; a reset that already has a link (a retried job) is not sent twice.
 */
export async function sendPasswordReset(
  deps: JobDeps,
  payload: TaskPayloads['auth__send_password_reset'],
): Promise<void> {
  await withContext(deps.db, { orgId: null, userId: payload.user_id }, async (tx) => {
    const reset = await repo.findUnsentPasswordReset(tx, payload.reset_id);
    const user = await repo.findUser(tx, payload.user_id);
    if (!reset || !user) return;
    const token = newScopedToken(user.id);
    await repo.setPasswordResetHash(tx, reset.id, token.hash);
    const link = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token.token)}`;
    if (!deps.mailer.configured) {
      // Without SMTP only the operator can pass the link on; no organization's admins may see it.
      deps.log.warn(
        { user_id: user.id },
        `No SMTP server configured; password reset link: ${link}`,
      );
      return;
    }
    // Sent inside the transaction: if sending fails the link is not recorded and a retry makes a new one.
    await deps.mailer.send({
      to: user.email,
      subject: 'Reset your Rampart password',
      text:
        `Hello ${user.name},\n\nSomeone asked to reset the password of your Rampart account. ` +
        `To choose a new password, open this link within the next hour:\n\n${link}\n\n` +
        `If it was not you, ignore this email: your password stays as it is.\n`,
    });
  });
}
