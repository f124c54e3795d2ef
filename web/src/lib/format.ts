const money = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '';
  let format = money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
    money.set(currency, format);
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
