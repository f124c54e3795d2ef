import { describe, expect, it } from 'vitest';
import { MONEY_HINT, parseMoney } from '../../../web/src/lib/money.js';

describe('parseMoney: amounts as people type them', () => {
  it.each([
    ['22000', 22000],
    ['$22,000', 22000],
    ['22 000,50', 22000.5],
    ['22\u00a0000,50', 22000.5],
    ['€1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.234.567', 1234567],
    ['22.000', 22000],
    ['22,5', 22.5],
    ['22.50', 22.5],
    ['22k', 22000],
    ['22 K', 22000],
    ['1.5m', 1500000],
    ['1,5m', 1500000],
    ['2b', 2000000000],
    ['USD 45000', 45000],
    ['45000 eur', 45000],
    ["1'000", 1000],
    ['0', 0],
    ['10.999', 10999],
    ['0.125', 0.13],
    ['3.14159', 3.14],
  ])('reads %j as %d', (typed, value) => {
    expect(parseMoney(typed)).toEqual({ value });
  });

  it('reads an empty box as no amount', () => {
    expect(parseMoney('')).toEqual({ value: null });
    expect(parseMoney('   ')).toEqual({ value: null });
  });

  it.each(['abc', '12abc', 'twenty', '1,2,', '$', '22kk', '1.2.3,4,5', '--5', '22 000 ,'])(
    'refuses %j with a message, never a silent 0',
    (typed) => {
      const reading = parseMoney(typed);
      expect(reading).toHaveProperty('error');
    },
  );

  it('refuses a negative amount', () => {
    expect(parseMoney('-5')).toEqual({ error: 'Enter an amount of zero or more' });
    expect(parseMoney('abc')).toEqual({ error: MONEY_HINT });
  });
});
