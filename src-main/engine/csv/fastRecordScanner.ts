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
import { POW10 } from './parseNumber';
import { FIELD_PLAIN_NUMBER, type ParsedRecord } from './parsedRecord';
import type { TableBuilder } from './tableBuilder';
import type { ParseOptions } from './types';

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
  private readonly rec: ParsedRecord = {
    text: '',
    fields: 0,
    starts: new Int32Array(16),
    ends: new Int32Array(16),
    values: new Float64Array(16),
    parsed: new Uint8Array(16),
  };
  /** FIELD_PLAIN_NUMBER where the field is read as a number while scanning; empty before the header. */
  private roles: Uint8Array = new Uint8Array(0);
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly decimal: number;
  private readonly lineEnd: number;
  private readonly crlf: boolean;
  private readonly padShortRows: boolean;

  constructor(
    private readonly builder: TableBuilder,
    options: Pick<ParseOptions, 'delimiter' | 'quoteChar' | 'decimal' | 'padShortRows'>,
    readonly newline: Newline,
  ) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.quote = options.quoteChar.charCodeAt(0);
    this.decimal = options.decimal.charCodeAt(0);
    this.lineEnd = newline === '\n' ? LF : CR;
    this.crlf = newline === '\r\n';
    this.padShortRows = options.padShortRows ?? false;
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
    const { delimiter, quote, lineEnd, roles, rec } = this;
    let fields = 0;
    let i = pos;
    for (;;) {
      if (fields === rec.starts.length) this.grow();
      let c = i < len ? text.charCodeAt(i) : -1;
      rec.parsed[fields] = 0;
      if (c === quote) {
        let k = i + 1;
        for (; k < len; k++) {
          c = text.charCodeAt(k);
          if (c === quote || c === LF || c === CR) break;
        }
        if (k === len) return final ? BAIL : INCOMPLETE;
        if (c !== quote) return BAIL;
        rec.starts[fields] = i + 1;
        rec.ends[fields] = k;
        i = k + 1;
        c = i < len ? text.charCodeAt(i) : -1;
        if (c !== delimiter && c !== lineEnd && c !== -1) return BAIL;
      } else {
        let k = roles[fields] === FIELD_PLAIN_NUMBER ? this.plainNumber(text, i, fields) : -1;
        if (k < 0) {
          for (k = i; k < len; k++) {
            c = text.charCodeAt(k);
            if (c === delimiter || c === lineEnd || c === quote) break;
          }
        }
        c = k === len ? -1 : text.charCodeAt(k);
        if (c === quote) return BAIL;
        rec.starts[fields] = i;
        rec.ends[fields] = k;
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

  /**
   * parsePlainDecimal fused with the scan: when the field at `i` is exactly a plain decimal (same
   * rules, same arithmetic), stores it and returns where the field ends; else -1 (scan it as text).
   */
  private plainNumber(text: string, i: number, field: number): number {
    const len = text.length;
    let k = i;
    let c = k < len ? text.charCodeAt(k) : -1;
    const negative = c === 45;
    if (negative || c === 43) k++;
    let mantissa = 0;
    let significant = 0;
    let fractionDigits = 0;
    let digits = 0;
    let seenMark = false;
    for (; k < len; k++) {
      c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) {
        digits++;
        if ((mantissa !== 0 || c !== 48) && ++significant > 15) return -1;
        mantissa = mantissa * 10 + (c - 48);
        if (seenMark) fractionDigits++;
      } else if (c === this.delimiter || c === this.lineEnd) {
        break;
      } else if (c === this.decimal && !seenMark) {
        seenMark = true;
      } else {
        return -1;
      }
    }
    if (digits === 0 || fractionDigits > 22) return -1;
    const value = fractionDigits === 0 ? mantissa : mantissa / (POW10[fractionDigits] as number);
    this.rec.values[field] = negative ? -value : value;
    this.rec.parsed[field] = 1;
    return k;
  }

  /** Gives the record to the builder; false (nothing added) when papaparse should read it. */
  private emit(text: string, fields: number): boolean {
    const builder = this.builder;
    const expected = builder.columnCount;
    const { starts, ends } = this.rec;
    if (
      expected < 0 ||
      (fields === 1 &&
        (isBlankRange(text, starts[0] as number, ends[0] as number) ||
          builder.isCommentRange(text, starts[0] as number, ends[0] as number)))
    ) {
      // The first record names the columns, and blank lines are counted: rare, so as strings.
      const row: string[] = [];
      for (let j = 0; j < fields; j++)
        row.push(text.substring(starts[j] as number, ends[j] as number));
      builder.addRow(row);
      if (this.roles.length === 0 && builder.columnCount > 0) this.roles = builder.fieldRoles();
    } else if (fields > expected || (fields < expected && !this.padShortRows)) {
      return false;
    } else {
      this.rec.text = text;
      this.rec.fields = fields;
      builder.addParsedRow(this.rec);
    }
    this.records++;
    return true;
  }

  private grow(): void {
    const rec = this.rec;
    const n = rec.starts.length * 2;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const values = new Float64Array(n);
    const parsed = new Uint8Array(n);
    starts.set(rec.starts);
    ends.set(rec.ends);
    values.set(rec.values);
    parsed.set(rec.parsed);
    Object.assign(rec, { starts, ends, values, parsed });
  }
}
