import { session } from './session.svelte';

const money = new Map<string, Intl.NumberFormat>();

/**
 * Money as the organization's locale writes it (Settings > Organization), in the record's
 * currency, the organization's when none is given: whole amounts without cents (`$45,000`),
 * others with them (`$22,000.50`). The one way money is shown.
 */
export function formatMoney(amount: number | null, currency?: string): string {
  if (amount === null) return '';
  const locale = session.me?.org.locale;
  const code = currency ?? session.me?.org.currency ?? 'USD';
  const cents = Number.isInteger(amount) ? 0 : 2;
  const key = `${locale ?? ''}:${code}:${cents}`;
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat(supported(locale), {
      style: 'currency',
      currency: code,
      minimumFractionDigits: cents,
      maximumFractionDigits: cents,
    });
    money.set(key, format);
  }
  return format.format(amount);
}

/** A locale the browser knows, else the browser's own. */
function supported(locale: string | undefined): string | undefined {
  return locale && Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment (an ISO date-time) as the reader's clock shows it, with its day. */
export function formatDateTime(value: string | null): string {
  return value ? dayAndTime.format(new Date(value)) : '';
}

/** A moment as a `datetime-local` input holds it: the reader's wall time, without a zone. */
export function localDateTime(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The moment a `datetime-local` input's wall time names on the reader's clock, or null. */
export function momentOf(local: string): string | null {
  return local.trim() ? new Date(local).toISOString() : null;
}

export function formatDate(value: string | null): string {
  return value ? day.format(new Date(value)) : '';
}

/** A `mailto:` address for an email, null for none. */
export function mailto(email: string | null | undefined): string | null {
  return email ? `mailto:${email.trim()}` : null;
}

/** A `tel:` address for a phone number as people write it, null for none. */
export function tel(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/[^\d+]/g, '') ?? '';
  return digits ? `tel:${digits}` : null;
}
