// Text-level import settings applied before either record reader sees the text, so the fast path and
// papaparse read exactly the same records: `skipRows` physical lines at the top are dropped (a title
// line, a blank line) and comment lines (first non-blank character = commentChar) are ignored.
//
// Row numbers keep the file's numbering: the TableBuilder starts counting at skipRows, and a comment
// line is passed on as a line holding just the comment character ('mark'), which the builder counts
// as a row and ignores. The sniffer drops comment lines altogether ('drop'), as its detection must
// not see them. Lines inside a quoted field (an odd number of quote characters so far) are never
// comments. Chunks come from CsvDecodingStream, which never ends a chunk with CR.
import type { ParseOptions } from './types';

const LF = 10;
const CR = 13;

/** The number of skipped rows, 0 unless set. */
export function skipRowsOf(options: Pick<ParseOptions, 'skipRows'>): number {
  return options.skipRows ?? 0;
}

export function commentCharOf(options: Pick<ParseOptions, 'commentChar'>): string | null {
  const c = options.commentChar ?? null;
  return c === '' ? null : c;
}

export class LineFilter {
  private skipLeft: number;
  private readonly comment: number;
  private readonly quote: number;
  private atLineStart = true;
  private lead = '';
  private inComment = false;
  private inQuote = false;
  /** The last skipped character was CR: an LF right after it ends the same line. */
  private skippedCr = false;

  constructor(
    options: Pick<ParseOptions, 'skipRows' | 'commentChar' | 'quoteChar'>,
    private readonly mode: 'mark' | 'drop',
  ) {
    this.skipLeft = skipRowsOf(options);
    const c = commentCharOf(options);
    this.comment = c === null ? -1 : c.charCodeAt(0);
    this.quote = options.quoteChar.charCodeAt(0);
  }

  /** Whether the filter changes anything at all. */
  static needed(options: Pick<ParseOptions, 'skipRows' | 'commentChar'>): boolean {
    return skipRowsOf(options) > 0 || commentCharOf(options) !== null;
  }

  push(text: string): string {
    const out: string[] = [];
    const n = text.length;
    let i = 0;
    while (i < n && (this.skipLeft > 0 || this.skippedCr)) {
      const c = text.charCodeAt(i);
      if (this.skipLeft === 0) {
        // The LF of a CRLF that ended the last skipped line.
        if (c === LF) i++;
        this.skippedCr = false;
        break;
      }
      i++;
      if (c === LF && this.skippedCr) this.skippedCr = false;
      else if (c === LF || c === CR) {
        this.skipLeft--;
        this.skippedCr = c === CR;
      } else this.skippedCr = false;
    }
    if (this.comment < 0) {
      if (i < n) out.push(i === 0 ? text : text.substring(i));
      return out.join('');
    }
    let from = i; // start of the text passed through as is
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inComment) {
        if (c === LF || c === CR) {
          this.inComment = false;
          this.atLineStart = true;
          from = i;
          // The line ending is passed on with a marked comment line, dropped with a dropped one.
          if (this.mode === 'drop') {
            i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
            from = i;
            continue;
          }
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          continue;
        }
        i++;
        from = i;
        continue;
      }
      if (this.atLineStart && !this.inQuote) {
        if (c === 32 || c === 9) {
          if (from < i) out.push(text.substring(from, i));
          this.lead += text[i] as string;
          i++;
          from = i;
          continue;
        }
        this.atLineStart = false;
        if (c === this.comment) {
          if (from < i) out.push(text.substring(from, i));
          this.lead = '';
          this.inComment = true;
          if (this.mode === 'mark') out.push(text[i] as string);
          i++;
          from = i;
          continue;
        }
        if (this.lead.length > 0) {
          if (from < i) out.push(text.substring(from, i));
          out.push(this.lead);
          this.lead = '';
          from = i;
        }
      }
      if (c === this.quote) this.inQuote = !this.inQuote;
      else if ((c === LF || c === CR) && !this.inQuote) {
        if (c === CR && text.charCodeAt(i + 1) === LF) i++;
        this.atLineStart = true;
      }
      i++;
    }
    if (from < n && !this.inComment) out.push(text.substring(from));
    return out.join('');
  }

  /** End of input: blanks held at the start of an unfinished last line. */
  end(): string {
    const rest = this.inComment ? '' : this.lead;
    this.lead = '';
    return rest;
  }
}
