// The summary of four evenly spaced values worked out by hand, for tests of the summaries that the
// engine, the host and the import report.

/**
 * first, first + 1, first + 2, first + 3, all times unit: mean (first + 1.5)·unit, sample
 * variance 5/3·unit² (deviations ±1.5, ±0.5), type-7 quantiles at positions 0.75, 1.5 and 2.25 of
 * the sorted values. Exact for small whole `first` and a power-of-two `unit`.
 */
export function fourStepSummary(first: number, unit = 1) {
  return {
    count: 4,
    mean: (first + 1.5) * unit,
    std: Math.sqrt(5 / 3) * unit,
    min: first * unit,
    q25: (first + 0.75) * unit,
    median: (first + 1.5) * unit,
    q75: (first + 2.25) * unit,
    max: (first + 3) * unit,
  };
}
