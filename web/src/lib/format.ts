const money = new Map<string, Intl.NumberFormat>();

/**
 * Money as the browser's locale writes it, in the record's currency: whole amounts without
 * cents (`$45,000`), others with them (`$22,000.50`). The one way money is shown.
 */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '';
  const cents = Number.isInteger(amount) ? 0 : 2;
  const key = `${currency}:${cents}`;
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: cents,
      maximumFractionDigits: cents,
    });
    money.set(key, format);
  }
  return format.format(amount);
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

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
