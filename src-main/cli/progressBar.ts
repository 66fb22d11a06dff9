// A progress bar on stderr: series done of total, failures, elapsed time and ETA. On a terminal
// it redraws one line; otherwise (logs, CI, tests) it writes a line at most every 2 s and at the end.
export class ProgressBar {
  private readonly started = Date.now();
  private lastLine = 0;
  private stage = '';

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {}

  setStage(stage: string): void {
    this.stage = stage;
  }

  static duration(seconds: number): string {
    if (!Number.isFinite(seconds)) return '–';
    const s = Math.round(seconds);
    return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
  }

  line(doneParts: number, failed: number): string {
    const width = 30;
    // Parts of series count as fractions; the count shows whole series.
    const done = Math.min(this.total, doneParts);
    const fraction = this.total > 0 ? done / this.total : 1;
    const filled = Math.round(fraction * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = done > 0 ? (elapsed / done) * (this.total - done) : Number.NaN;
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(done + 1e-9)}/${this.total} series` +
      `${failed > 0 ? ` · ${failed} failed` : ''} · ${ProgressBar.duration(elapsed)} elapsed · ETA ${done >= this.total - 1e-9 ? '0s' : ProgressBar.duration(eta)}` +
      (this.stage ? ` · ${this.stage}` : '')
    );
  }

  update(done: number, failed: number, force = false): void {
    if (this.quiet) return;
    const now = Date.now();
    if (this.out.isTTY) {
      if (!force && now - this.lastLine < 100) return;
      this.lastLine = now;
      this.out.write(`\r${this.line(done, failed)}\x1b[K`);
      return;
    }
    if (!force && now - this.lastLine < 2000) return;
    this.lastLine = now;
    this.out.write(`${this.line(done, failed)}\n`);
  }

  finish(done: number, failed: number): void {
    this.update(done, failed, true);
    if (this.out.isTTY && !this.quiet) this.out.write('\n');
  }
}
