// An append-only Float64Array that doubles its capacity, so a column costs 8 bytes per row (plus
// slack) instead of a JS array of boxed numbers or the row strings.
export class GrowableFloat64 {
  private buffer: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Float64Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = value;
  }

  /** A right-sized copy; the builder is not used after this. */
  toArray(): Float64Array {
    return this.buffer.slice(0, this.length);
  }
}
