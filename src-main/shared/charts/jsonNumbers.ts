// Numbers of a run record as the chart builders take them. Across a boundary JSON has turned NaN
// into null; the builders draw NaN as a gap.

/** Each null as NaN (a gap in a chart). */
export function gapsAsNaN(values: readonly (number | null)[]): number[] {
  return values.map((v) => v ?? Number.NaN);
}

/** A run's epoch records as the chart builders take them: a missing loss becomes a gap (NaN). */
export function epochPoints(
  epochs: readonly { epoch: number; loss: number | null; valLoss: number | null }[],
): { epoch: number; loss: number; valLoss: number | null }[] {
  return epochs.map((e) => ({ epoch: e.epoch, loss: e.loss ?? Number.NaN, valLoss: e.valLoss }));
}
