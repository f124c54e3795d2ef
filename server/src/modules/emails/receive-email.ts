import { Readable } from 'node:stream';
import type { AddressObject, ParsedMail } from 'mailparser';
import { withContext } from '../../db/tenant.js';
import type { AppDeps } from '../../http/context.js';
import { fileStoreOf } from '../files/file-store.js';
import { keepStoredFile } from '../files/files.service.js';
import * as repo from './emails.repo.js';

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat = (entries: AddressObject['value']): string[] =>
    entries.flatMap((entry) => [
      ...(entry.address ? [entry.address.trim().toLowerCase()] : []),
      ...flat(entry.group ?? []),
    ]);
  return objects.flatMap((object) => flat(object.value));
}

const cut = (text: string, length: number) => text.slice(0, length);

/**
 * Keeps a message received by an organization's logging address: stored `received`, on every
 * lead and contact of that organization whose address is in From, To or Cc (looked up inside
 * its tenant context, so another organization's person with the same address is never linked),
 * with each attachment kept as a file on each of those records. The same message received twice
 * (by Message-ID) is kept once. Answers the email's id, or null for a copy already kept.
 */
export async function receiveEmail(
  deps: AppDeps,
  orgId: string,
  mail: ParsedMail,
): Promise<string | null> {
  const from = addressesOf(mail.from);
  const to = addressesOf(mail.to);
  const cc = addressesOf(mail.cc);
  // The logging address itself concerns no one.
  const domain = `@${deps.config.smtpReceiverDomain.toLowerCase()}`;
  const addresses = [...new Set([...from, ...to, ...cc])].filter((a) => !a.endsWith(domain));
  const inOrg = <T>(work: Parameters<typeof withContext<T>>[2]) =>
    withContext(deps.db, { orgId, userId: null }, work);

  const people = await inOrg((tx) => repo.peopleWithAddresses(tx, orgId, addresses));
  const store = fileStoreOf(deps.config);
  const attachments = mail.attachments.filter((attachment) => attachment.size > 0);
  // The bytes are stored before the transaction, once per record they go on; removed again if
  // the email is not kept.
  const stored: Array<{
    owner: repo.RecordRef;
    attachment: (typeof attachments)[number];
    key: string;
  }> = [];
  try {
    for (const person of people) {
      for (const attachment of attachments) {
        const key = await store.put(Readable.from(attachment.content));
        stored.push({ owner: { column: `${person.kind}_id`, id: person.id }, attachment, key });
      }
    }
    const id = await inOrg(async (tx) => {
      const emailId = await repo.insertEmail(tx, orgId, null, {
        direction: 'received',
        status: null,
        from_address: cut(mail.from?.text ?? from[0] ?? '', 998),
        to_addresses: to,
        cc_addresses: cc,
        subject: cut(mail.subject ?? '', 998),
        body_text: cut(mail.text ?? '', 2_000_000),
        message_id: mail.messageId ? cut(mail.messageId, 998) : null,
        ...(mail.date && !Number.isNaN(mail.date.getTime()) && { occurred_at: mail.date }),
      });
      if (!emailId) return null;
      await repo.linkEmail(
        tx,
        orgId,
        emailId,
        people.map((person) => ({ column: `${person.kind}_id` as const, id: person.id })),
      );
      for (const { owner, attachment, key } of stored) {
        await keepStoredFile(tx, orgId, owner, {
          name: attachment.filename ?? 'attachment',
          declaredType: attachment.contentType,
          content: attachment.content,
          blobKey: key,
        });
      }
      return emailId;
    });
    if (id === null) await Promise.all(stored.map(({ key }) => store.delete(key)));
    return id;
  } catch (error) {
    await Promise.all(stored.map(({ key }) => store.delete(key)));
    throw error;
  }
}
