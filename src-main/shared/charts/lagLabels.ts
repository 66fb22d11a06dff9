/** Input positions 0..lookback−1 run oldest to newest, so position p is lag lookback − p. */
export function lagLabels(lookback: number): string[] {
  return Array.from({ length: lookback }, (_, p) => `t−${lookback - p}`);
}
