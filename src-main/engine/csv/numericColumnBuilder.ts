// Accumulates one candidate numeric column while streaming. Non-finite numbers (nonFinite.ts) are
// read as NaN and remembered by row. Cells that are neither numbers nor missing tokens are only counted (with the first one remembered): whether the column is numeric
// with a bad cell, or a text column, can only be decided once the whole file has been read.
import { GrowableFloat64 } from './growableFloat64';
import { describeToken } from './missingTokens';
import { isNonFiniteCell } from './nonFinite';
import { parseNumberDetailed, parsePlainDecimal, parsePlainDecimalRange } from './parseNumber';

export class NumericColumnBuilder {
  /** Small to start: a wide file of few rows must not cost 8 KiB per column (reserve() sizes it). */
  readonly values = new GrowableFloat64(16);
  numbers = 0;
  missing = 0;
  bad = 0;
  firstBadRow = 0;
  firstBadCell = '';
  grouped = false;
  readonly tokenCounts = new Map<string, number>();
  /** Non-finite cells (Infinity, NaN, 1e400), read as NaN: how many, where and how spelled. */
  nonFinite = 0;
  readonly nonFiniteAt: number[] = [];
  readonly nonFiniteTokens = new Map<string, number>();
  /** Missing cells added by padding short rows. */
  padded = 0;
  private readonly decimalCode: number;
  /** Whether a cell that reads as a plain decimal is a number (no missing token looks like one). */
  readonly plainFirst: boolean;

  constructor(
    readonly name: string,
    private readonly decimal: '.' | ',',
    private readonly missingTokens: ReadonlySet<string>,
    /** Missing tokens that would parse as numbers (e.g. -999) must be checked before parsing. */
    numericTokens: ReadonlySet<string>,
  ) {
    this.decimalCode = decimal === ',' ? 44 : 46;
    this.plainFirst = numericTokens.size === 0;
  }

  add(cell: string, row: number): void {
    let v = this.plainFirst ? parsePlainDecimal(cell, this.decimalCode) : NaN;
    if (v !== v) v = this.slow(cell, row);
    else this.numbers++;
    this.values.push(v);
  }

  /** A cell past the end of a short row that is padded (ParseOptions.padShortRows). */
  addPadded(): void {
    this.missing++;
    this.padded++;
    this.values.push(NaN);
  }

  /** add() of a cell the fast path has already read as a plain decimal, values[index] (plainFirst only). */
  addParsed(values: Float64Array, index: number): void {
    this.numbers++;
    this.values.pushFrom(values, index);
  }

  /** add() of text[from, to): the cell is only cut out when it is not a plain decimal. */
  addRange(text: string, from: number, to: number, row: number): void {
    let v = this.plainFirst ? parsePlainDecimalRange(text, from, to, this.decimalCode) : NaN;
    if (v !== v) v = this.slow(text.substring(from, to), row);
    else this.numbers++;
    this.values.push(v);
  }

  private slow(cell: string, row: number): number {
    const token = cell.trim();
    // Before the missing tokens: a list that still holds "NaN" (older projects) reads it the same way.
    if (isNonFiniteCell(token, this.decimal)) {
      this.nonFinite++;
      this.nonFiniteAt.push(this.values.length);
      this.nonFiniteTokens.set(token, (this.nonFiniteTokens.get(token) ?? 0) + 1);
      return NaN;
    }
    if (this.missingTokens.has(token)) {
      this.missing++;
      this.tokenCounts.set(token, (this.tokenCounts.get(token) ?? 0) + 1);
      return NaN;
    }
    const parsed = parseNumberDetailed(cell, this.decimal);
    if (Number.isNaN(parsed.value)) {
      if (this.bad++ === 0) {
        this.firstBadRow = row;
        this.firstBadCell = cell;
      }
      return NaN;
    }
    this.numbers++;
    if (parsed.grouped) this.grouped = true;
    return parsed.value;
  }

  /** 1 per row where the cell was non-finite; undefined when there was none. */
  nonFiniteMask(): Uint8Array | undefined {
    if (this.nonFinite === 0) return undefined;
    const mask = new Uint8Array(this.values.length);
    for (const i of this.nonFiniteAt) mask[i] = 1;
    return mask;
  }

  /** "Infinity" ×2, "1e400" ×1: the non-finite spellings, for messages. */
  nonFiniteWords(): string {
    return [...this.nonFiniteTokens].map(([t, n]) => `${describeToken(t)} ×${n}`).join(', ');
  }

  /** "12 missing (NA ×10, empty ×2)", or null when nothing is missing. */
  missingSummary(): string | null {
    if (this.missing === 0) return null;
    const parts = [...this.tokenCounts].map(([t, n]) => `${describeToken(t)} ×${n}`);
    if (this.padded > 0) parts.push(`short rows ×${this.padded}`);
    return `"${this.name}": ${this.missing} missing (${parts.join(', ')})`;
  }
}
