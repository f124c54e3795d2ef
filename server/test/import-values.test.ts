import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../src/modules/imports/fields.js';
import {
  moneyCurrencies,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDomain,
  parseInteger,
  parseMoney,
  parseTags,
  type DateFormat,
} from '../src/modules/imports/values.js';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }) =>
  parsed.ok ? parsed.value : `rejected: ${parsed.reason}`;

describe('import values, read as people type them', () => {
  it('reads money in the usual spellings, and refuses what it would have to guess', () => {
    const read = (input: string) => value(parseMoney(input));
    expect(read('$22,000')).toBe('22000.00');
    expect(read('22 000,50')).toBe('22000.50');
    expect(read('22k')).toBe('22000.00');
    expect(read('1.5M')).toBe('1500000.00');
    expect(read('€1.234,56')).toBe('1234.56');
    expect(read('1,234.56')).toBe('1234.56');
    expect(read('1.234.567')).toBe('1234567.00');
    expect(read('USD 300')).toBe('300.00');
    expect(read('22,5')).toBe('22.50');
    expect(read('0.125')).toMatch(/rejected: .*more than two decimals/);
    expect(read('-5')).toMatch(/rejected: must not be negative/);
    expect(read('abc')).toMatch(/rejected: .*not an amount/);
  });

  it('refuses amounts it would have to guess: a suffix after three decimals, accounting negatives', () => {
    const read = (input: string) => value(parseMoney(input));
    // 1,500 thousand to some, 1.5 thousand to others; it was read as 1,500.
    expect(read('1,500k')).toMatch(/rejected: .*two ways/);
    expect(read('1.500k')).toMatch(/rejected: .*two ways/);
    expect(read('1,5k')).toBe('1500.00');
    expect(read('1.25M')).toBe('1250000.00');
    expect(read('(1,200)')).toBe('rejected: must not be negative');
  });

  it('names the currency an amount is typed in', () => {
    expect(moneyCurrencies('1,234.56 USD')).toEqual(['USD']);
    expect(moneyCurrencies('EUR 300')).toEqual(['EUR']);
    expect(moneyCurrencies('€1.234,56')).toEqual(['EUR']);
    expect(moneyCurrencies('$22k')).toContain('CAD');
    // A peso is written `$` as well: an organization in Mexican pesos takes `$1,200`.
    expect(moneyCurrencies('$1,200')).toEqual(expect.arrayContaining(['MXN', 'COP', 'ARS']));
    expect(moneyCurrencies('22 000,50')).toBeUndefined();
    expect(moneyCurrencies('1.5M')).toBeUndefined();
  });

  it('reads whole numbers with thousands separators only where they group thousands', () => {
    const read = (input: string) => value(parseInteger(input));
    expect(read('1,200')).toBe(1200);
    expect(read('1.200')).toBe(1200);
    expect(read('1 200')).toBe(1200);
    expect(read('1,234,567')).toBe(1234567);
    // Was read as 1250 and 15, the separators dropped.
    expect(read('12,50')).toMatch(/rejected: .*not a whole number/);
    expect(read('1,5')).toMatch(/rejected: .*not a whole number/);
    expect(read('250.0')).toMatch(/rejected/);
  });

  it('reads moments with their time of day and offset, which a date would drop', () => {
    const read = (input: string, format?: 'MM/DD/YYYY') => value(parseDateTime(input, format));
    expect(read('2026-12-31T10:00:00Z')).toBe('2026-12-31T10:00:00Z');
    expect(read('2026-12-31T23:30:00-05:00')).toBe('2026-12-31T23:30:00-05:00');
    expect(read('2026-12-31T23:30:00.250+0530')).toBe('2026-12-31T23:30:00.250+05:30');
    expect(read('2026-02-01 14:00')).toBe('2026-02-01T14:00:00Z');
    expect(read('2026-12-31')).toBe('2026-12-31T00:00:00Z');
    expect(read('12/31/2026 2:30 PM')).toBe('2026-12-31T14:30:00Z');
    expect(read('12/31/2026 12:05 am')).toBe('2026-12-31T00:05:00Z');
    expect(read('31.12.2026 09:15')).toBe('2026-12-31T09:15:00Z');
    expect(read('03/04/2026 10:00', 'MM/DD/YYYY')).toBe('2026-03-04T10:00:00Z');
    expect(read('03/04/2026 10:00')).toMatch(/rejected: .*choose the file's date format/);
    expect(read('2026-12-31T25:00')).toMatch(/rejected: .*not a time of day/);
    expect(read('2026-12-31 13:00 PM')).toMatch(/rejected: .*not a time of day/);
    expect(read('2026-12-31T10:00+16:00')).toMatch(/rejected: .*offset/);
    expect(read('soon')).toMatch(/rejected/);
    expect(read('Dec 31, 2026 10:00 AM')).toBe('2026-12-31T10:00:00Z');
  });

  it('reads dates, and asks for the format when day and month could be swapped', () => {
    expect(value(parseDate('2026-03-04', undefined))).toBe('2026-03-04');
    expect(value(parseDate('2026-03-04T10:00:00Z', undefined))).toBe('2026-03-04');
    expect(value(parseDate('13/04/2026', undefined))).toBe('2026-04-13');
    expect(value(parseDate('03/04/2026', undefined))).toMatch(
      /rejected: .*choose the file's date format/,
    );
    expect(value(parseDate('03/04/2026', 'DD/MM/YYYY'))).toBe('2026-04-03');
    expect(value(parseDate('03/04/2026', 'MM/DD/YYYY'))).toBe('2026-03-04');
    expect(value(parseDate('31.12.2025', 'DD.MM.YYYY'))).toBe('2025-12-31');
    expect(value(parseDate('02/30/2026', 'MM/DD/YYYY'))).toMatch(/rejected/);
    // Months in words and the year first cannot be swapped, whatever the format; they were refused.
    for (const input of [
      '31 Dec 2026',
      '31-Dec-2026',
      'Dec 31, 2026',
      'December 31 2026',
      'Dec. 31st, 2026',
      '31 December 2026',
      '2026/12/31',
      '2026.12.31',
    ]) {
      expect(value(parseDate(input, 'MM/DD/YYYY')), input).toBe('2026-12-31');
      expect(value(parseDate(input, undefined)), input).toBe('2026-12-31');
    }
    expect(value(parseDate('Sept 3, 2026', undefined))).toBe('2026-09-03');
    // The year first without leading zeros, as spreadsheets write `yyyy-m-d`.
    expect(value(parseDate('2026-3-4', 'DD/MM/YYYY'))).toBe('2026-03-04');
    expect(value(parseDate('2026-12-4 10:00', undefined))).toBe('2026-12-04');
    expect(value(parseDate('Feb 30, 2026', undefined))).toMatch(/rejected: .*not a date/);
    expect(value(parseDate('31 Foo 2026', undefined))).toMatch(/rejected/);
    expect(value(parseDate('2026/31/12', undefined))).toMatch(/rejected/);
    // A date field keeps the date as written; the time beside it must still be a time.
    expect(value(parseDate('2026-12-31T23:30:00-05:00', undefined))).toBe('2026-12-31');
    expect(value(parseDate('12/31/2026 2:30 PM', 'MM/DD/YYYY'))).toBe('2026-12-31');
    for (const input of ['2026-12-31T99:99', '2026-12-31 10:75', '2026-12-31T13:00 PM']) {
      expect(value(parseDate(input, undefined)), input).toMatch(/rejected: .*not a time of day/);
    }
    expect(value(parseDate('2026-12-31T..', undefined))).toMatch(/rejected/);
  });

  it('reads a two-digit year as spreadsheets do, 00-29 as 20xx and 30-99 as 19xx, and says so', () => {
    const read = (input: string, format?: DateFormat) => {
      const parsed = parseDate(input, format);
      return parsed.ok ? [parsed.value, parsed.notice] : `rejected: ${parsed.reason}`;
    };
    expect(read('3/4/25', 'MM/DD/YYYY')).toEqual([
      '2025-03-04',
      '"3/4/25" has a two-digit year, read as 2025 (00-29 as 2000-2029, 30-99 as 1930-1999)',
    ]);
    expect(read('3/4/25', 'DD/MM/YYYY')?.[0]).toBe('2025-04-03');
    expect(read('31.12.99', 'DD.MM.YYYY')?.[0]).toBe('1999-12-31');
    expect(read('25-03-04', 'YYYY-MM-DD')?.[0]).toBe('2025-03-04');
    expect(read('4-Mar-25', undefined)?.[0]).toBe('2025-03-04');
    expect(read('31/12/45', undefined)?.[0]).toBe('1945-12-31');
    expect(read('30.12.30', 'DD.MM.YYYY')?.[0]).toBe('1930-12-30');
    expect(read('12/31/29 2:30 PM', undefined)?.[0]).toBe('2029-12-31');
    // Day and month, or the year, could be in another place: the file's format says which.
    expect(read('3/4/25', undefined)).toMatch(/rejected: .*choose the file's date format/);
    expect(read('25-03-04', undefined)).toMatch(/rejected: .*choose the file's date format/);
    expect(read('2/30/25', 'MM/DD/YYYY')).toMatch(/rejected: .*not a date/);
    // A four-digit year is read as written, with nothing to say.
    expect(read('2025-03-04', undefined)).toEqual(['2025-03-04', undefined]);
    const moment = parseDateTime('3/4/25 10:00', 'MM/DD/YYYY');
    expect(moment.ok && [moment.value, moment.notice]).toEqual([
      '2025-03-04T10:00:00Z',
      expect.stringContaining('read as 2025'),
    ]);
  });

  it('reads yes/no, domains and tag lists', () => {
    expect(['yes', 'No', '1', '0', 'TRUE'].map((v) => value(parseBoolean(v)))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(value(parseBoolean('maybe'))).toMatch(/rejected/);
    expect(value(parseDomain('https://www.Acme.com/about'))).toBe('acme.com');
    // What the API takes for a domain, 253 characters; a longer one overflowed the index of
    // account domains and failed the whole import.
    const labels = (count: number) => Array.from({ length: count }, () => 'a'.repeat(49));
    expect(value(parseDomain(`${labels(5).join('.')}.com`))).toHaveLength(253);
    expect(value(parseDomain(`${labels(55).join('.')}.com`))).toMatch(/rejected.*253/);
    expect(value(parseTags(' vip, cold ,vip,'))).toEqual(['vip', 'cold']);
    // A tag that shows nothing cannot be told from no tag, or from another such tag.
    expect(value(parseTags('vip, \u200b'))).toBe(
      'rejected: a tag needs a visible character; one is only U+200B',
    );
    expect(value(parseTags('\u0301'))).toMatch(/rejected: .* only U\+0301$/);
    expect(value(parseTags('\u00a0\u2800, cold'))).toMatch(/rejected: .* only U\+2800$/);
    expect(value(parseTags('caf\u0065\u0301'))).toEqual(['caf\u0065\u0301']);
  });
});

describe('mapping suggested from the headers of other CRMs’ exports', () => {
  const headersOf = (file: string) =>
    readFileSync(path.join(import.meta.dirname, 'fixtures/imports', file), 'utf8')
      .split('\n')[0]!
      .split(',')
      .map((h) => h.replace(/^"|"$/g, ''));

  it('maps HubSpot, Salesforce, Pipedrive and Zoho columns to the fields they hold', () => {
    expect(suggestMapping('contact', headersOf('hubspot-contacts.csv'))).toEqual([
      null,
      'first_name',
      'last_name',
      'email',
      'phone',
      'account',
      'job_title',
      null,
      null,
      'owner',
      null,
      null,
    ]);
    expect(suggestMapping('lead', headersOf('salesforce-leads.csv'))).toEqual([
      'first_name',
      'last_name',
      'job_title',
      'company',
      'email',
      'phone',
      'source',
      'status',
      'rating',
      'owner',
      'website',
      'description',
    ]);
    // A Salesforce opportunities report starts with the account: it is not the deal's name.
    expect(
      suggestMapping('deal', [
        'Opportunity Owner',
        'Account Name',
        'Opportunity Name',
        'Stage',
        'Close Date',
        'Amount',
      ]),
    ).toEqual(['owner', 'account', 'name', 'stage', 'expected_close_date', 'amount']);
    expect(suggestMapping('deal', ['Company Name', 'Deal Name'])).toEqual(['account', 'name']);
    expect(suggestMapping('deal', ['Deal - Title', 'Deal - Value', 'Deal - Currency'])).toEqual([
      'name',
      'amount',
      'currency',
    ]);
    expect(suggestMapping('account', ['Account Name', 'Company'])).toEqual(['name', null]);
    // Pipedrive's lead title says what the lead is about; HubSpot's, Salesforce's and Zoho's
    // `Title` and `Job Title` are the person's job.
    expect(suggestMapping('lead', ['Lead - Title'])).toEqual(['description']);
    expect(suggestMapping('lead', ['Description', 'Lead - Title'])).toEqual(['description', null]);
    expect(suggestMapping('lead', ['Title'])).toEqual(['job_title']);
    expect(suggestMapping('lead', ['Job Title'])).toEqual(['job_title']);
    expect(suggestMapping('lead', ['Job Title', 'Lead - Title'])).toEqual([
      'job_title',
      'description',
    ]);
    expect(suggestMapping('contact', headersOf('pipedrive-people.csv'))).toEqual([
      null,
      'first_name',
      'last_name',
      'email',
      'phone',
      'account',
      'owner',
      'tags',
    ]);
    expect(suggestMapping('lead', headersOf('zoho-leads.csv'))).toEqual([
      'owner',
      'company',
      'first_name',
      'last_name',
      'job_title',
      'email',
      'phone',
      null,
      'website',
      'source',
      'status',
      null,
      null,
      null,
      'rating',
      null,
      'description',
    ]);
  });
});
