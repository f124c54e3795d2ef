import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { AppDeps } from '../../http/context.js';
import { organizationOfLoggingAddress } from './email-settings.service.js';
import { receiveEmail } from './receive-email.js';

export interface EmailReceiver {
  port: number;
  close(): Promise<void>;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** The message's bytes, or null once it is over the limit (the rest is read and dropped). */
async function readLimited(stream: SMTPServerDataStream): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return stream.sizeExceeded ? null : Buffer.concat(chunks);
}

/**
 * The SMTP receiver behind the logging addresses (`log+<org id>.<secret>@<domain>`). A
 * recipient is accepted only when its secret opens its organization, so a message for an
 * unknown organization or with a wrong secret is refused at RCPT (550) and never read. The size
 * limit is announced (SIZE) and enforced on the data. Each accepted message is parsed and kept
 * in every organization it was addressed to, within that organization's tenant context.
 */
export async function startEmailReceiver(
  deps: AppDeps,
  log: Logger,
  port: number,
  host = '0.0.0.0',
): Promise<EmailReceiver> {
  const server = new SMTPServer({
    name: deps.config.smtpReceiverDomain,
    banner: 'Rampart email logging',
    size: deps.config.smtpReceiverMaxBytes,
    authOptional: true,
    // No credentials to offer; TLS is left to the MX in front of it (see operations.md).
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      organizationOfLoggingAddress(deps, address.address).then(
        (orgId) => callback(orgId ? undefined : smtpError(550, 'No such mailbox here')),
        (error: unknown) => {
          log.error({ err: error }, 'could not check a logging address');
          callback(smtpError(451, 'Try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const work = async () => {
        const raw = await readLimited(stream);
        if (!raw) throw smtpError(552, 'Message too large');
        const mail = await simpleParser(raw);
        const orgs = new Set<string>();
        for (const rcpt of session.envelope.rcptTo) {
          const orgId = await organizationOfLoggingAddress(deps, rcpt.address);
          if (orgId) orgs.add(orgId);
        }
        for (const orgId of orgs) await receiveEmail(deps, orgId, mail);
      };
      work().then(
        () => callback(),
        (error: unknown) => {
          if (error instanceof Error && 'responseCode' in error) {
            callback(error);
            return;
          }
          log.error({ err: error }, 'could not keep a received email');
          callback(smtpError(451, 'Could not keep the message; try again later'));
        },
      );
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'email receiver error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
