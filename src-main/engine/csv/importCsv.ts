// Streams a CSV file through papaparse into an ImportedTable: bounded memory (typed arrays only),
// throttled progress, cancellation through an AbortSignal.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { CsvImportError, abortError } from './csvImportError';
import { CsvDecodingStream } from './decodingStream';
import { TableBuilder } from './tableBuilder';
import type { ImportHooks, ImportedTable, ParseOptions } from './types';

const PROGRESS_INTERVAL_MS = 100;
/** A record longer than this is taken as an unterminated quote, before papaparse rescans it forever. */
const MAX_OPEN_RECORD_CHARS = 4 * 1024 * 1024;

async function fileSize(filePath: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CsvImportError('io-error', filePath, `cannot read the file (${reason})`);
  }
}

function encodingWarning(decoder: CsvDecodingStream): string | null {
  if (decoder.invalidCount === 0) return null;
  return (
    `encoding errors: ${decoder.invalidCount} byte sequences are not valid UTF-8 (first at byte ` +
    `${decoder.firstInvalidOffset}); they were replaced by "\uFFFD" — re-import as Latin-1 if the file came from Excel`
  );
}

export async function importCsv(
  filePath: string,
  options: ParseOptions,
  hooks: ImportHooks = {},
): Promise<ImportedTable> {
  const { onProgress, signal } = hooks;
  if (signal?.aborted) throw abortError();
  const totalBytes = await fileSize(filePath);
  if (totalBytes === 0) throw new CsvImportError('empty-file', filePath, 'the file is empty');
  if (signal?.aborted) throw abortError();

  return new Promise<ImportedTable>((resolve, reject) => {
    const file = createReadStream(filePath, { highWaterMark: 256 * 1024 });
    const decoder = new CsvDecodingStream(filePath, options.encoding);
    const builder = new TableBuilder(filePath, options);
    let settled = false;
    let charsDelivered = 0;
    let lastProgress = 0;

    const report = (force: boolean): void => {
      const now = performance.now();
      if (onProgress === undefined || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
      lastProgress = now;
      const bytesRead = force ? totalBytes : Math.min(file.bytesRead, totalBytes);
      onProgress({ bytesRead, totalBytes, rows: builder.dataRows });
    };
    const settle = (error: unknown, table?: ImportedTable): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      file.destroy();
      decoder.destroy();
      if (table !== undefined) resolve(table);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => settle(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });

    file.on('error', (e) =>
      settle(new CsvImportError('io-error', filePath, `cannot read the file (${e.message})`)),
    );
    decoder.on('data', (text: string) => {
      charsDelivered += text.length;
    });
    file.pipe(decoder);
    Papa.parse<string[]>(decoder, {
      delimiter: options.delimiter,
      quoteChar: options.quoteChar,
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (settled) return parser.abort();
        try {
          const quoteError = results.errors.find((e) => e.type === 'Quotes');
          const upTo = quoteError === undefined ? results.data.length : (quoteError.row ?? 0);
          builder.addRows(
            upTo === results.data.length ? results.data : results.data.slice(0, upTo),
          );
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
          if (charsDelivered - results.meta.cursor > MAX_OPEN_RECORD_CHARS) {
            const detail =
              'a quoted field opened in this row runs on for more than 4 MiB; the quote is probably never closed';
            throw new CsvImportError('unterminated-quote', filePath, detail, {
              row: builder.records + 1,
            });
          }
          report(false);
        } catch (error) {
          settle(error);
          parser.abort();
        }
      },
      complete: () => {
        if (settled) return;
        try {
          const warnings: string[] = [];
          const encoding = encodingWarning(decoder);
          if (encoding !== null) warnings.push(encoding);
          const table = builder.finish(warnings);
          report(true);
          settle(null, table);
        } catch (error) {
          settle(error);
        }
      },
      error: (error: Error) => settle(error),
    });
  });
}
