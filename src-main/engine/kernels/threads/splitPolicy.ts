// Decides per training step whether splitting the batch over two threads pays, by measuring:
// a probe phase alternates split and single-thread steps, the faster (median time per sample,
// with a 5% margin for the split) wins for a hold phase, then it probes again. So a second core
// that other processes keep busy turns the split off by itself, and a quiet one turns it on. It can
// also start with a hold phase that splits, and probe only after it.

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1] ?? Number.NaN;
};

export class SplitPolicy {
  private step = 0;
  private readonly times: [number[], number[]] = [[], []];
  private split = false;
  /** Probe results so far: [single ms/sample, split ms/sample] medians of the last probe. */
  lastProbe: [number, number] | null = null;

  /**
   * `splitFirst`: start with a hold phase that splits (no probe first), for callers whose split
   * usually pays and whose first steps should not run on one thread to find out.
   */
  constructor(
    private readonly probeSteps = 6,
    private readonly holdSteps = 150,
    splitFirst = false,
  ) {
    if (splitFirst) {
      this.split = true;
      this.step = 2 * probeSteps;
    }
  }

  /** Whether the next step should split. */
  next(): boolean {
    if (this.step < 2 * this.probeSteps) return this.step % 2 === 1;
    return this.split;
  }

  /** Reports the step just run (split or not) and its wall time per sample. */
  record(split: boolean, msPerSample: number): void {
    const probing = this.step < 2 * this.probeSteps;
    this.step++;
    if (probing) {
      this.times[split ? 1 : 0].push(msPerSample);
      if (this.step === 2 * this.probeSteps) {
        const [one, two] = [median(this.times[0]), median(this.times[1])];
        this.lastProbe = [one, two];
        this.split = two < one * 0.95;
        this.times[0].length = 0;
        this.times[1].length = 0;
      }
    } else if (this.step >= 2 * this.probeSteps + this.holdSteps) {
      this.step = 0;
    }
  }
}
