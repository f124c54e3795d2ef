import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
}

export interface TestSmtpServer {
  /** For createMailer: plain SMTP on 127.0.0.1, no TLS, no authentication. */
  url: string;
  received: ReceivedMail[];
  /** The next message to `address` not taken before, waiting for it to arrive. */
  nextMessageTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /**
   * Refuses the next `count` deliveries at RCPT: by default with a temporary failure (451), as
   * a busy server does; with a 5xx code for good, as for a mailbox that does not exist.
   */
  refuseNext(count: number, responseCode?: number): void;
  /**
   * Holds the next `count` messages once their data has arrived, before answering: for
   * `acceptAfterMs`, then accepts them, or with none never, as a server that hangs (a message
   * held so is not received).
   */
  holdNext(count: number, acceptAfterMs?: number): void;
  /** How many messages have been held so far. */
  held(): number;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps what it receives, parsed. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  let refusals = 0;
  let refusalCode = 451;
  let holds: { count: number; acceptAfterMs: number | undefined } = {
    count: 0,
    acceptAfterMs: undefined,
  };
  let held = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        const message = refusalCode >= 500 ? 'No such mailbox here' : 'Try again later';
        const error = Object.assign(new Error(message), { responseCode: refusalCode });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (holds.count > 0) {
            holds.count -= 1;
            held += 1;
            const { acceptAfterMs } = holds;
            if (acceptAfterMs === undefined) return;
            await new Promise((resolve) => setTimeout(resolve, acceptAfterMs));
          }
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async nextMessageTo(address, timeoutMs = 15_000) {
      const wanted = address.toLowerCase();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find((m) => !taken.has(m) && m.to.includes(wanted));
        if (mail) {
          taken.add(mail);
          return mail;
        }
        if (Date.now() > deadline) throw new Error(`no email to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    refuseNext(count, responseCode = 451) {
      refusals = count;
      refusalCode = responseCode;
    },
    holdNext(count, acceptAfterMs) {
      holds = { count, acceptAfterMs };
    },
    held: () => held,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to the web app in a message, e.g. `/accept-invite?token=...`. */
export function linkIn(text: string, path: string): URL {
  const match = text.match(new RegExp(`https?://\\S+${path.replace('/', '\\/')}\\?token=\\S+`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return new URL(match[0]);
}
