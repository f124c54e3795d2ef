/** A target as results record it: the measured value, the bound, and whether it holds. */
export function target(value, comparison, bound) {
  const met = comparison === '>=' ? value >= bound : value <= bound;
  return { value, target: `${comparison} ${bound}`, met };
}
