/** A target as results record it: the measured value, the bound, and whether it holds. */
export function target(value, comparison, bound) {
  const met = comparison === '>=' ? value >= bound : value <= bound;
  return { value, target: `${comparison} ${bound}`, met };
}

/** Starts sampling the process's resident memory; the answer stops it and says the growth in MB. */
export function sampleRssGrowth() {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(sampler);
    return (peak - baseline) / 2 ** 20;
  };
}
