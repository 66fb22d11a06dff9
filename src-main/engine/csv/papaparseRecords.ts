// The reference record reader: papaparse over a stream of decoded text, feeding the TableBuilder and
// turning papaparse's quote errors into CsvImportErrors. Runaway records never reach it: the limits
// guard (csvLimits.ts) refuses a field or row past 1 MiB before papaparse would rescan it.
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { CsvImportError } from './csvImportError';
import type { TableBuilder } from './tableBuilder';
import type { ParseOptions } from './types';

export type Newline = '\n' | '\r' | '\r\n';

/** What papaparse needs from the import it runs in. */
export interface RecordSink {
  filePath: string;
  options: ParseOptions;
  builder: TableBuilder;
  isSettled: () => boolean;
  fail: (error: unknown) => void;
  /** The last record has been added. */
  complete: () => void;
  progress: () => void;
}

/**
 * The line ending papaparse guesses from the first chunk of text it is given, asked of papaparse
 * itself so the fast path splits records exactly where papaparse would.
 */
export function papaparseNewline(
  firstChunk: string,
  options: Pick<ParseOptions, 'delimiter' | 'quoteChar'>,
): Newline {
  const { delimiter, quoteChar } = options;
  const guessed = Papa.parse<string[]>(firstChunk, { delimiter, quoteChar, preview: 1 }).meta
    .linebreak;
  return guessed === '\r\n' || guessed === '\r' ? guessed : '\n';
}

/**
 * Parses all of `source` (text chunks, in object mode) with papaparse. `newline` is given when the
 * source starts mid-file, where papaparse must keep the line ending it guessed at the file's start.
 */
export function parseWithPapaparse(source: Readable, sink: RecordSink, newline?: Newline): void {
  const { builder, filePath, options } = sink;
  Papa.parse<string[]>(source, {
    delimiter: options.delimiter,
    quoteChar: options.quoteChar,
    ...(newline === undefined ? {} : { newline }),
    skipEmptyLines: false,
    chunk: (results, parser) => {
      if (sink.isSettled()) return parser.abort();
      try {
        const quoteError = results.errors.find((e) => e.type === 'Quotes');
        const upTo = quoteError === undefined ? results.data.length : (quoteError.row ?? 0);
        builder.addRows(upTo === results.data.length ? results.data : results.data.slice(0, upTo));
        if (quoteError !== undefined) {
          const row = builder.records + 1;
          if (quoteError.code === 'MissingQuotes') {
            throw new CsvImportError(
              'unterminated-quote',
              filePath,
              'a quoted field opened in this row is never closed',
              { row },
            );
          }
          throw new CsvImportError(
            'malformed-quote',
            filePath,
            'text follows the closing quote of a quoted field',
            { row },
          );
        }
        sink.progress();
      } catch (error) {
        sink.fail(error);
        parser.abort();
      }
    },
    complete: () => {
      if (!sink.isSettled()) sink.complete();
    },
    error: (error: Error) => sink.fail(error),
  });
}
