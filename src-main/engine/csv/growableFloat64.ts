// An append-only Float64Array that doubles its capacity, so a column costs 8 bytes per row (plus
// slack) instead of a JS array of boxed numbers or the row strings.
export class GrowableFloat64 {
  private buffer: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(1, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = value;
  }

  /** push(src[index]): the double goes array to array, so a call that is not inlined boxes nothing. */
  pushFrom(src: Float64Array, index: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = src[index] as number;
  }

  /** Makes room for `capacity` values at once, saving the copies and garbage of repeated doubling. */
  reserve(capacity: number): void {
    if (capacity > this.buffer.length) this.resize(capacity);
  }

  private grow(): void {
    this.resize(this.buffer.length * 2);
  }

  private resize(capacity: number): void {
    const bigger = new Float64Array(capacity);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  /** A right-sized copy; the builder is not used after this. */
  toArray(): Float64Array {
    return this.buffer.slice(0, this.length);
  }
}
