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
