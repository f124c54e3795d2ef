import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  /** The organization's sender; MAIL_FROM when absent. */
  from?: string;
  /** Chosen when the email is stored, so a reply or a logged copy finds it again. */
  messageId?: string;
}

export interface Mailer {
  /** False when no SMTP server is configured: the caller keeps the message instead. */
  readonly configured: boolean;
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/**
 * Whether the server refused this message or its recipient for good (a 5xx answer to RCPT or
 * DATA: no such mailbox, rejected as spam): another attempt would get the same answer. A 5xx
 * to anything else (the greeting, the sign-in, the sender) is left to the retries, as the
 * operator may correct the server's settings meanwhile.
 */
export function isPermanentRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
  return (
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600 &&
    (command === 'RCPT TO' || command === 'DATA')
  );
}

/**
 * Sends a message that has no row of its own to mark failed (a password reset, a sign-up's
 * link): a refusal for good is logged with the server's answer and ends the delivery, since
 * every further attempt would be refused the same way. Any other failure is thrown, so the
 * queue tries again. True when the server accepted the message.
 */
export async function sendUnlessRefusedForGood(
  mailer: Mailer,
  log: Logger,
  message: OutgoingMessage,
  context: Record<string, unknown>,
): Promise<boolean> {
  try {
    await mailer.send(message);
    return true;
  } catch (error) {
    if (!isPermanentRefusal(error)) throw error;
    log.warn(
      { ...context, error: error instanceof Error ? error.message : String(error) },
      `The mail server refused for good “${message.subject}”; it is not sent again`,
    );
    return false;
  }
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer {
  if (!config.smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new Error('No SMTP server is configured (SMTP_URL)');
      },
      close: () => undefined,
    };
  }
  // nodemailer waits up to ten minutes on a silent server by default; a delivery job should
  // fail sooner and be retried.
  const transport: Transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    configured: true,
    send: async (message) => {
      await transport.sendMail({ from: config.mailFrom, ...message });
    },
    close: () => transport.close(),
  };
}
