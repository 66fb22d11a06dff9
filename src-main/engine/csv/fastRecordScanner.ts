// The importer's fast path: a small CSV state machine over the decoded text chunks that hands each
// record to the TableBuilder as field ranges, so no string is made per cell and numbers and times are
// read straight from the character codes.
//
// Why it is only an optimisation: papaparse is the parser of record. This scanner takes just the
// common case that it can read exactly as papaparse does: unquoted fields without a quote character,
// and quoted fields that hold no quote and no line break and are closed right before a delimiter or
// the line ending. It splits records at the line ending papaparse guessed from the first chunk. At
// anything else (escaped quotes, quoted line breaks, text after a closing quote, a stray CR, a
// ragged row, a runaway record) it stops before that record and returns the rest of the text, and
// importCsv hands it to papaparse together with the rest of the stream. The TableBuilder is shared,
// so rows, row numbers, warnings and error messages are the ones papaparse alone would give.
import { isBlankRange } from './missingTokens';
import type { Newline } from './papaparseRecords';
import type { TableBuilder } from './tableBuilder';

const LF = 10;
const CR = 13;
/** The record runs past the end of the text: wait for the next chunk. */
const INCOMPLETE = -1;
/** The record is not one this scanner reads: papaparse takes over from its start. */
const BAIL = -2;
/** A record this long is left to papaparse, which knows how to report a runaway quoted field. */
const MAX_RECORD_CHARS = 64 * 1024;

export class FastRecordScanner {
  /** Records given to the builder (header and blank lines included). */
  records = 0;
  private carry = '';
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private readonly delimiter: number;
  private readonly quote: number;
  private lineEnd = LF;
  private crlf = false;

  constructor(
    private readonly builder: TableBuilder,
    delimiter: string,
    quoteChar: string,
    readonly newline: Newline,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.quote = quoteChar.charCodeAt(0);
    this.lineEnd = newline === '\n' ? LF : CR;
    this.crlf = newline === '\r\n';
  }

  /** Reads the complete records of the next chunk; null, or the text papaparse must take over. */
  push(chunk: string): string | null {
    const text = this.carry.length === 0 ? chunk : this.carry + chunk;
    this.carry = '';
    return this.scan(text, false);
  }

  /** End of input: the last record, which has no line ending. */
  end(): string | null {
    const text = this.carry;
    this.carry = '';
    return text.length === 0 ? null : this.scan(text, true);
  }

  private scan(text: string, final: boolean): string | null {
    let pos = 0;
    while (pos < text.length) {
      const next = this.record(text, pos, final);
      if (next === INCOMPLETE && text.length - pos <= MAX_RECORD_CHARS) {
        this.carry = text.substring(pos);
        return null;
      }
      if (next < 0) return text.substring(pos);
      pos = next;
    }
    return null;
  }

  /** Reads the record at `pos`: the position after its line ending, INCOMPLETE or BAIL. */
  private record(text: string, pos: number, final: boolean): number {
    const len = text.length;
    const delimiter = this.delimiter;
    const quote = this.quote;
    const lineEnd = this.lineEnd;
    let fields = 0;
    let i = pos;
    for (;;) {
      if (fields === this.starts.length) this.grow();
      let c = i < len ? text.charCodeAt(i) : -1;
      if (c === quote) {
        let k = i + 1;
        for (; k < len; k++) {
          c = text.charCodeAt(k);
          if (c === quote || c === LF || c === CR) break;
        }
        if (k === len) return final ? BAIL : INCOMPLETE;
        if (c !== quote) return BAIL;
        this.starts[fields] = i + 1;
        this.ends[fields] = k;
        i = k + 1;
        c = i < len ? text.charCodeAt(i) : -1;
        if (c !== delimiter && c !== lineEnd && c !== -1) return BAIL;
      } else {
        let k = i;
        for (; k < len; k++) {
          c = text.charCodeAt(k);
          if (c === delimiter || c === lineEnd || c === quote) break;
        }
        if (k === len) c = -1;
        else if (c === quote) return BAIL;
        this.starts[fields] = i;
        this.ends[fields] = k;
        i = k;
      }
      fields++;
      if (c === delimiter) {
        i++;
        continue;
      }
      if (c === -1) {
        if (!final) return INCOMPLETE;
        return this.emit(text, fields) ? len : BAIL;
      }
      let next = i + 1;
      if (this.crlf) {
        if (next === len) return final ? BAIL : INCOMPLETE;
        if (text.charCodeAt(next) !== LF) return BAIL;
        next++;
      }
      return this.emit(text, fields) ? next : BAIL;
    }
  }

  /** Gives the record to the builder; false (nothing added) when papaparse should read it. */
  private emit(text: string, fields: number): boolean {
    const builder = this.builder;
    const expected = builder.columnCount;
    const starts = this.starts;
    const ends = this.ends;
    if (
      expected < 0 ||
      (fields === 1 && isBlankRange(text, starts[0] as number, ends[0] as number))
    ) {
      // The first record names the columns, and blank lines are counted: rare, so as strings.
      const row: string[] = [];
      for (let j = 0; j < fields; j++)
        row.push(text.substring(starts[j] as number, ends[j] as number));
      builder.addRow(row);
    } else if (fields !== expected) {
      return false;
    } else {
      builder.addRangeRow(text, starts, ends, fields);
    }
    this.records++;
    return true;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
