// The importer's documented limits, checked on the decoded text before any parser sees it, so a
// file past them is refused early (in the sniff as in the import) and memory stays proportional to
// the data: no parser ever holds a record longer than MAX_RECORD_CHARS or wider than MAX_COLUMNS.
//
//   MAX_COLUMNS       10,000 fields per record (row)
//   MAX_FIELD_CHARS   1 MiB (1,048,576 characters) per field, quoted or not
//   MAX_RECORD_CHARS  4 MiB (4,194,304 characters) per record (row), line ending and quoted line
//                     breaks included
//
// Characters are UTF-16 code units of the decoded text (one per byte for ASCII and Latin-1). A
// quoted field that runs past the field limit is reported as a quote that is probably never closed;
// an unquoted one as a field that is too long. Rows are numbered as in csvImportError.ts.
import { CsvImportError } from './csvImportError';
import type { Newline } from './papaparseRecords';

export const MAX_COLUMNS = 10_000;
export const MAX_FIELD_CHARS = 1024 * 1024;
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: either the first of an escaped pair or the closing quote. */
const QUOTE_IN_QUOTED = 3;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Follows the record structure (papaparse's quoting rules) over text chunks and throws a
 * CsvImportError at the first record past a limit. `columnName(j)` names field j once the header is
 * known (null before).
 */
export class CsvLimitGuard {
  /** Records completed so far. */
  private records = 0;
  private fields = 0;
  private fieldChars = 0;
  private recordChars = 0;
  private state = FIELD_START;
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly lineEnd: number;

  constructor(
    private readonly filePath: string,
    options: { delimiter: string; quoteChar: string },
    newline: Newline,
    private readonly columnName: (index: number) => string | null = () => null,
    /** Tests only: follow every character, without the line fast path (the reference it must match). */
    private readonly exhaustive = false,
  ) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.quote = options.quoteChar.charCodeAt(0);
    // A CRLF record ends at its LF; the CR before it is counted as one more character.
    this.lineEnd = newline === '\r' ? CR : LF;
  }

  /** Checks the next chunk of text (throws CsvImportError past a limit). */
  check(text: string): void {
    const len = text.length;
    const lineEndChar = String.fromCharCode(this.lineEnd);
    const quoteChar = String.fromCharCode(this.quote);
    let nextQuote = -1;
    let i = 0;
    while (i < len) {
      // At the start of a record, a complete line without a quote shorter than MAX_COLUMNS
      // characters is within every limit (it has at most MAX_COLUMNS fields): found by indexOf,
      // without looking at each character, which keeps the guard cheap on ordinary files.
      if (!this.exhaustive && this.recordChars === 0 && this.state === FIELD_START) {
        const end = text.indexOf(lineEndChar, i);
        if (nextQuote < i) nextQuote = text.indexOf(quoteChar, i);
        if (nextQuote < 0) nextQuote = len;
        if (
          end >= 0 &&
          end - i < MAX_COLUMNS &&
          (nextQuote > end || this.closedWithin(text, nextQuote, end, quoteChar))
        ) {
          this.records++;
          i = end + 1;
          continue;
        }
      }
      i = this.scanRecord(text, i);
    }
  }

  /**
   * Whether every quoted field of the line that has its first quote at `quote` closes before the
   * line end `end`, with no escaped quote (""): then the line is the whole record. Jumps from quote
   * to quote with indexOf; a quote that does not start a field is plain text, as in papaparse.
   */
  private closedWithin(text: string, quote: number, end: number, quoteChar: string): boolean {
    let q = quote;
    while (q >= 0 && q < end) {
      if (
        q > 0 &&
        text.charCodeAt(q - 1) !== this.delimiter &&
        text.charCodeAt(q - 1) !== this.lineEnd
      )
        q = text.indexOf(quoteChar, q + 1);
      else {
        const close = text.indexOf(quoteChar, q + 1);
        if (close < 0 || close >= end || text.charCodeAt(close + 1) === this.quote) return false;
        q = text.indexOf(quoteChar, close + 1);
      }
    }
    return true;
  }

  /** Follows the record at `from` character by character; returns where it ends (or the text). */
  private scanRecord(text: string, from: number): number {
    const { delimiter, quote, lineEnd } = this;
    let { state, fields, fieldChars, recordChars } = this;
    const len = text.length;
    let i = from;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      recordChars++;
      if (state === QUOTED) {
        if (c === quote) state = QUOTE_IN_QUOTED;
        else fieldChars++;
      } else if (state === QUOTE_IN_QUOTED && c === quote) {
        state = QUOTED;
        fieldChars++;
      } else if (c === delimiter) {
        fields++;
        fieldChars = 0;
        state = FIELD_START;
        if (fields >= MAX_COLUMNS) this.tooManyColumns();
      } else if (c === lineEnd) {
        this.records++;
        this.state = FIELD_START;
        this.fields = 0;
        this.fieldChars = 0;
        this.recordChars = 0;
        return i + 1;
      } else if (state === FIELD_START && c === quote) {
        state = QUOTED;
      } else {
        // Text after a closing quote stays in the field (papaparse reports it when it parses it).
        state = UNQUOTED;
        fieldChars++;
      }
      if (fieldChars > MAX_FIELD_CHARS) this.fieldTooLong(fields, state);
      if (recordChars > MAX_RECORD_CHARS) this.recordTooLong();
    }
    this.state = state;
    this.fields = fields;
    this.fieldChars = fieldChars;
    this.recordChars = recordChars;
    return i;
  }

  private get row(): number {
    return this.records + 1;
  }

  private tooManyColumns(): never {
    throw new CsvImportError(
      'too-many-columns',
      this.filePath,
      `more than ${count(MAX_COLUMNS)} fields in one row; at most ${count(MAX_COLUMNS)} columns ` +
        'are supported (check the delimiter in the import settings)',
      { row: this.row },
    );
  }

  private fieldTooLong(index: number, state: number): never {
    const quoted = state === QUOTED || state === QUOTE_IN_QUOTED;
    if (quoted) {
      throw new CsvImportError(
        'unterminated-quote',
        this.filePath,
        `a quoted field opened in this row runs on for more than 1 MiB (${count(MAX_FIELD_CHARS)} ` +
          'characters); the quote is probably never closed',
        { row: this.row, ...this.where(index) },
      );
    }
    const name = this.columnName(index);
    const which = name === null ? `field ${count(index + 1)} is` : 'the field is';
    throw new CsvImportError(
      'field-too-long',
      this.filePath,
      `${which} longer than 1 MiB (${count(MAX_FIELD_CHARS)} characters), the most a field may hold`,
      { row: this.row, ...this.where(index) },
    );
  }

  private recordTooLong(): never {
    throw new CsvImportError(
      'row-too-long',
      this.filePath,
      `the row is longer than 4 MiB (${count(MAX_RECORD_CHARS)} characters), the most a row may ` +
        'hold (check the line endings and the delimiter)',
      { row: this.row },
    );
  }

  private where(index: number): { column?: string } {
    const name = this.columnName(index);
    return name === null ? {} : { column: name };
  }
}
