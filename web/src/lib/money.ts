// No imports: the parser is checked on its own, outside the app (server/test/browser/money.test.ts).

/** What reading a typed amount gave: a number, none (an empty box), or why it is not one. */
export type MoneyReading = { value: number | null } | { error: string };

export const MONEY_HINT = 'Enter an amount, such as 22,000, 22 000,50 or 22k';

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
const CODES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/**
 * Reads an amount as people type it: `$22,000`, `22 000,50`, `€1.234,56`, `22k`, `1.5m`.
 * Currency signs and codes are ignored. With both `.` and `,`, the last one is the decimal
 * mark; a lone mark followed by exactly three digits groups thousands (`22.000`, `22,000`),
 * otherwise it is the decimal mark (`22,5`). Spaces and apostrophes group thousands.
 */
export function parseMoney(text: string): MoneyReading {
  const typed = text.trim().toLowerCase();
  if (typed === '') return { value: null };
  let rest = typed
    .replace(/^([a-z]{3})\s*|\s*([a-z]{3})$/g, (code) => (CODES.has(code.trim()) ? '' : code))
    .replace(/[$€£¥₹]/g, '')
    .trim();
  if (rest === '') return { error: MONEY_HINT };
  if (rest.startsWith('-')) return { error: 'Enter an amount of zero or more' };

  let scale = 1;
  const suffix = /^(.*?)\s*([kmb])$/.exec(rest);
  if (suffix) {
    rest = suffix[1]!;
    scale = SCALES[suffix[2]!]!;
  }
  rest = rest.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(rest) || /[.,]$/.test(rest)) return { error: MONEY_HINT };

  const dot = rest.lastIndexOf('.');
  const comma = rest.lastIndexOf(',');
  let decimal: string | null = null;
  if (dot >= 0 && comma >= 0) decimal = dot > comma ? '.' : ',';
  else if (dot >= 0 || comma >= 0) {
    const mark = dot >= 0 ? '.' : ',';
    const parts = rest.split(mark);
    const grouping = parts.length > 2 || (parts[1]!.length === 3 && !parts[0]!.startsWith('0'));
    // A suffix scales a decimal (`1.5m`), never a grouped number.
    decimal = grouping && !suffix ? null : mark;
  }
  const [whole, fraction = ''] = decimal ? splitLast(rest, decimal) : [rest];
  // Marks left in the whole part group thousands, in threes.
  if (/[.,]/.test(whole!) && !/^\d{1,3}(?:[.,]\d{3})+$/.test(whole!)) return { error: MONEY_HINT };
  if (decimal && whole!.includes(decimal)) return { error: MONEY_HINT };
  const digits = whole!.replace(/[.,]/g, '');
  if (/[.,]/.test(fraction)) return { error: MONEY_HINT };
  const value = Number(`${digits}.${fraction || '0'}`) * scale;
  if (!Number.isFinite(value)) return { error: MONEY_HINT };
  // Cents at most: what the API keeps.
  return { value: Math.round(value * 100) / 100 };
}

function splitLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}
