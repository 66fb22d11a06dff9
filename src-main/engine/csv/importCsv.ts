// Streams a CSV file into an ImportedTable: bounded memory (typed arrays only), throttled progress,
// cancellation through an AbortSignal. Records are read by the fast scanner while the text is plain,
// and by papaparse (the parser of record) from the first record the scanner does not take; see
// fastRecordScanner.ts for why the two always agree. Every chunk of text first passes the limits
// guard (csvLimits.ts: columns, field and row length), before either parser sees it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { CsvImportError, abortError } from './csvImportError';
import { CsvLimitGuard } from './csvLimits';
import { CsvDecodingStream } from './decodingStream';
import { FastRecordScanner } from './fastRecordScanner';
import { LineFilter } from './lineFilter';
import { papaparseNewline, parseWithPapaparse, type RecordSink } from './papaparseRecords';
import { TableBuilder } from './tableBuilder';
import type { ImportHooks, ImportedTable, ParseOptions } from './types';

const PROGRESS_INTERVAL_MS = 100;
const CHUNK_BYTES = 256 * 1024;

/** How records are read; the default is the fast path with papaparse taking over when needed. */
export interface RecordReading {
  fastPath: boolean;
  /** File read size (tests use tiny ones to put chunk boundaries everywhere). */
  chunkBytes?: number;
  /** Called when papaparse takes over, with the number of records the fast path had read. */
  onHandover?: (fastRecords: number) => void;
}

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

/**
 * Rows the whole file probably holds, from the first chunk (10% over, as growing costs more). Never
 * more than the file could hold: a data row takes at least one byte per field.
 */
function rowEstimate(totalBytes: number, firstChunk: string, records: number, fields: number) {
  const guess = Math.ceil((1.1 * totalBytes * records) / firstChunk.length);
  return Math.min(guess, Math.ceil(totalBytes / Math.max(1, fields)));
}

export function importCsv(
  filePath: string,
  options: ParseOptions,
  hooks: ImportHooks = {},
): Promise<ImportedTable> {
  return importCsvWith(filePath, options, hooks, { fastPath: true });
}

/** importCsv with a choice of record reading; `{ fastPath: false }` is papaparse alone. */
export async function importCsvWith(
  filePath: string,
  options: ParseOptions,
  hooks: ImportHooks,
  reading: RecordReading,
): Promise<ImportedTable> {
  const { onProgress, signal } = hooks;
  if (signal?.aborted) throw abortError();
  const totalBytes = await fileSize(filePath);
  if (totalBytes === 0) throw new CsvImportError('empty-file', filePath, 'the file is empty');
  if (signal?.aborted) throw abortError();

  return new Promise<ImportedTable>((resolve, reject) => {
    const highWaterMark = reading.chunkBytes ?? CHUNK_BYTES;
    // Options the builder refuses fail before the file is opened: no stream is left behind.
    let builder: TableBuilder;
    try {
      builder = new TableBuilder(filePath, options);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const file = createReadStream(filePath, { highWaterMark });
    const decoder = new CsvDecodingStream(filePath, options.encoding);
    // Rows to skip and comment lines, taken out before either record reader (lineFilter.ts).
    const filter = LineFilter.needed(options) ? new LineFilter(options, 'mark') : null;
    // The line ending is guessed from the first text passed on, so with the filter that text is
    // held until it holds a line break (the filter may pass on a few characters at a time).
    let opening: string | null = filter === null ? null : '';
    const filtered = (text: string): string => {
      if (filter === null) return text;
      const out = filter.push(text);
      if (opening === null) return out;
      opening += out;
      if (!/[\r\n]/.test(opening)) return '';
      const first = opening;
      opening = null;
      return first;
    };
    const filterTail = (): string => {
      if (filter === null) return '';
      const tail = (opening ?? '') + filter.end();
      opening = null;
      return tail;
    };
    let feed: PassThrough | null = null;
    let settled = false;
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
      feed?.destroy();
      if (table !== undefined) resolve(table);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => settle(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const sink: RecordSink = {
      filePath,
      options,
      builder,
      isSettled: () => settled,
      fail: (error) => settle(error),
      progress: () => report(false),
      complete: () => {
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
    };

    file.on('error', (e) =>
      settle(new CsvImportError('io-error', filePath, `cannot read the file (${e.message})`)),
    );
    decoder.on('error', (e) => settle(e));
    let guard: CsvLimitGuard | null = null;
    let newline: FastRecordScanner['newline'] = '\n';
    /** Checks the limits on the next chunk; false (the import has failed) past one. */
    const withinLimits = (text: string): boolean => {
      try {
        if (guard === null) {
          newline = papaparseNewline(text, options);
          guard = new CsvLimitGuard(filePath, options, newline, (j) => builder.columnName(j));
        }
        guard.check(text);
        return true;
      } catch (error) {
        settle(error);
        return false;
      }
    };
    if (!reading.fastPath) {
      const checked = new PassThrough({ objectMode: true });
      feed = checked;
      const write = (raw: string): void => {
        const text = filtered(raw);
        if (!settled && text.length > 0 && withinLimits(text)) checked.write(text);
      };
      decoder.on('data', write);
      decoder.on('end', () => {
        const tail = filterTail();
        if (!settled && tail.length > 0 && withinLimits(tail)) checked.write(tail);
        if (!settled) checked.end();
      });
      parseWithPapaparse(checked, sink);
      file.pipe(decoder);
      return;
    }

    let scanner: FastRecordScanner | null = null;
    const handOver = (rest: string, newline: FastRecordScanner['newline']): PassThrough => {
      reading.onHandover?.(scanner?.records ?? 0);
      const stream = new PassThrough({ objectMode: true });
      feed = stream;
      parseWithPapaparse(stream, sink, newline);
      stream.write(rest);
      return stream;
    };
    const onText = (text: string): void => {
      if (settled || text.length === 0 || !withinLimits(text)) return;
      if (feed !== null) {
        feed.write(text);
        return;
      }
      try {
        scanner ??= new FastRecordScanner(builder, options, newline);
        const first = scanner.records === 0;
        const rest = scanner.push(text);
        if (first && scanner.records > 0)
          builder.reserve(rowEstimate(totalBytes, text, scanner.records, builder.columnCount));
        if (rest === null) report(false);
        else handOver(rest, scanner.newline);
      } catch (error) {
        settle(error);
      }
    };
    decoder.on('data', (raw: string) => onText(filtered(raw)));
    decoder.on('end', () => {
      onText(filterTail());
      if (settled) return;
      if (feed !== null) {
        feed.end();
        return;
      }
      try {
        const rest = scanner === null ? null : scanner.end();
        if (rest === null || scanner === null) sink.complete();
        else handOver(rest, scanner.newline).end();
      } catch (error) {
        settle(error);
      }
    });
    file.pipe(decoder);
  });
}
