/** How many decimals a number written as JavaScript writes it has: 0.01 has 2. */
function decimalsOf(step: number): number {
  const [, fraction = '', exponent = '0'] =
    /^\d*(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(step)) ?? [];
  return Math.max(0, fraction.length - Number(exponent));
}

/**
 * Whether `value` is a multiple of `step` as a person reads it: 10.13 is a multiple of 0.01,
 * 10.125 and 5e-324 are not. Dividing in binary floating point makes 10.13 / 0.01
 * 1012.9999999999999, and a tolerance on the quotient would let 5e-324 through, to be stored as
 * 0.00. Here a value is a multiple when it is exactly the number its count of the step's
 * smallest units writes.
 */
export function isMultipleOf(value: number, step: number): boolean {
  const scale = 10 ** decimalsOf(step);
  const units = Math.round(value * scale);
  return units / scale === value && units % Math.round(step * scale) === 0;
}

/** A cent: every amount is kept to it (deals, leads, custom money fields, imports). */
export const CENT = 0.01;
