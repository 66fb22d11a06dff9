// Reads the first 64 KiB of a file and proposes ParseOptions, explaining each decision in `notes`.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { CsvImportError } from './csvImportError';
import { CsvLimitGuard, MAX_RECORD_CHARS } from './csvLimits';
import { columnNamesFrom, renamedColumnsNote } from './columnNames';
import {
  detectDecimal,
  detectDelimiter,
  detectHeader,
  detectQuoteChar,
  parseSample,
} from './detectDialect';
import { detectTimeColumn, isoFormatOf, numericTimeFormat } from './detectTimeColumn';
import { mixedDatesVerdict, shapesInWords } from './mixedDates';
import { isNonFiniteCell } from './nonFinite';
import { LineFilter } from './lineFilter';
import { DEFAULT_MISSING_TOKENS } from './missingTokens';
import { papaparseNewline } from './papaparseRecords';
import { parseNumberDetailed } from './parseNumber';
import {
  ENCODING_WORDS,
  binaryReason,
  checkUtf8,
  decodeWindows1252,
  hasUtf8Bom,
  lineOfOffset,
  utf16BomOf,
  utf16WithoutBom,
} from './textEncoding';
import type { CsvSniff, EncodingReport, ParseOptions, SniffColumn, TimeFormat } from './types';

export const SNIFF_BYTES = 64 * 1024;
/** UTF-8 takes at most 4 bytes a character, so this many bytes hold more than MAX_RECORD_CHARS. */
const HEAD_LIMIT_BYTES = 4 * MAX_RECORD_CHARS + 4;

/** Whether the bytes hold a line ending. */
function hasLineEnd(bytes: Uint8Array): boolean {
  return bytes.includes(10) || bytes.includes(13);
}

/**
 * The first SNIFF_BYTES of the file, or more when they hold no line ending: then up to the first one
 * (at most HEAD_LIMIT_BYTES, enough for any row within MAX_RECORD_CHARS), so a first row longer than
 * the sample is seen whole, and one past the limit is refused by the guard.
 */
async function readHead(filePath: string): Promise<{ bytes: Uint8Array; size: number }> {
  try {
    const size = (await stat(filePath)).size;
    const handle = await open(filePath, 'r');
    try {
      const pieces: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buffer = Buffer.alloc(Math.min(size - total, SNIFF_BYTES));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
        if (bytesRead === 0) break;
        const piece = buffer.subarray(0, bytesRead);
        pieces.push(piece);
        total += bytesRead;
        if (total >= size || total >= HEAD_LIMIT_BYTES || hasLineEnd(piece)) break;
      }
      return { bytes: Buffer.concat(pieces), size };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CsvImportError('io-error', filePath, `cannot read the file (${reason})`);
  }
}

/** UTF-16 text of the bytes (an incomplete last code unit is left out unless `whole`). */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', whole: boolean): string {
  const usable = whole ? bytes : bytes.subarray(0, bytes.length - (bytes.length % 2));
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(usable);
  // A high surrogate cut off at the end of the sample waits for its pair.
  const last = text.charCodeAt(text.length - 1);
  return !whole && last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/** Checks the bytes and decodes them; throws for empty and binary files. */
export function decodeHead(
  filePath: string,
  bytes: Uint8Array,
  whole: boolean,
  encodingOverride: ParseOptions['encoding'] | undefined,
): { text: string; encoding: EncodingReport; suggested: ParseOptions['encoding'] } {
  if (bytes.length === 0) throw new CsvImportError('empty-file', filePath, 'the file is empty');
  const bom16 = utf16BomOf(bytes);
  const utf16 = bom16 ?? utf16WithoutBom(bytes);
  const chosen16 =
    encodingOverride === 'utf-16le' || encodingOverride === 'utf-16be' ? encodingOverride : null;
  if (bom16 !== null && encodingOverride !== undefined && encodingOverride !== bom16) {
    throw new CsvImportError(
      'unsupported-encoding',
      filePath,
      `the file starts with a ${ENCODING_WORDS[bom16]} byte order mark but ${ENCODING_WORDS[encodingOverride]} was chosen; choose ${ENCODING_WORDS[bom16]}`,
    );
  }
  const as16 = chosen16 ?? (encodingOverride === undefined ? utf16 : null);
  if (as16 !== null) {
    const body = bom16 === null ? bytes : bytes.subarray(2);
    const text = decodeUtf16(body, as16, whole);
    return { text, encoding: { bom: bom16 !== null, invalidUtf8: null }, suggested: utf16 ?? as16 };
  }
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  const check = checkUtf8(body, whole);
  const why = binaryReason(body, check.invalidCount);
  if (why !== null) {
    throw new CsvImportError('binary-file', filePath, `this is not a CSV text file: ${why}`);
  }
  const invalidUtf8 =
    check.invalidCount === 0
      ? null
      : {
          count: check.invalidCount,
          firstByteOffset: check.firstInvalid + (bom ? 3 : 0),
          firstLine: lineOfOffset(body, check.firstInvalid),
        };
  const suggested = invalidUtf8 === null ? 'utf-8' : 'latin1';
  const encoding = encodingOverride ?? suggested;
  const text =
    encoding === 'latin1'
      ? Buffer.from(body).toString('latin1')
      : encoding === 'windows-1252'
        ? decodeWindows1252(body)
        : new TextDecoder('utf-8').decode(body.subarray(0, body.length - check.incompleteTail));
  return { text, encoding: { bom, invalidUtf8 }, suggested };
}

function thousandsSeparatorOf(cell: string, decimal: '.' | ','): string | null {
  for (const ch of cell.trim()) if (!/[\d+-]/.test(ch) && ch !== decimal) return ch;
  return null;
}

function describeColumn(name: string, cells: string[], o: ParseOptions): SniffColumn {
  const missingSet = new Set(o.missingTokens);
  let missing = 0;
  let numbers = 0;
  let thousandsSeparator: string | null = null;
  for (const cell of cells) {
    if (missingSet.has(cell.trim()) || isNonFiniteCell(cell, o.decimal)) {
      missing++;
      continue;
    }
    const parsed = parseNumberDetailed(cell, o.decimal);
    if (Number.isNaN(parsed.value)) continue;
    numbers++;
    if (parsed.grouped && thousandsSeparator === null) {
      thousandsSeparator = thousandsSeparatorOf(cell, o.decimal);
    }
  }
  const present = cells.length - missing;
  const numericShare = present === 0 ? 0 : numbers / present;
  const kind =
    name === o.timeColumn
      ? 'time'
      : present === 0
        ? 'empty'
        : numericShare >= 0.5
          ? 'numeric'
          : 'text';
  const timeFormat = name === o.timeColumn ? o.timeFormat : null;
  return { name, kind, numericShare, missing, thousandsSeparator, timeFormat };
}

export async function sniffCsv(
  filePath: string,
  overrides: Partial<ParseOptions> = {},
): Promise<CsvSniff> {
  const { bytes, size } = await readHead(filePath);
  const whole = bytes.length >= size;
  const decoded = decodeHead(filePath, bytes, whole, overrides.encoding);
  const notes: string[] = [];
  const utf16 = utf16BomOf(bytes);
  if (decoded.encoding.bom) {
    const which = utf16 === null ? 'UTF-8' : ENCODING_WORDS[utf16];
    notes.push(`a ${which} byte order mark starts the file; it was skipped`);
  }
  if (overrides.encoding === undefined && utf16 !== null)
    notes.push(`encoding ${ENCODING_WORDS[utf16]}, from its byte order mark`);
  else if (overrides.encoding === undefined && decoded.suggested.startsWith('utf-16'))
    notes.push(
      `encoding ${ENCODING_WORDS[decoded.suggested]}, because every other byte is a NUL byte (UTF-16 without a byte order mark)`,
    );
  const bad = decoded.encoding.invalidUtf8;
  if (bad !== null) {
    notes.push(
      `encoding errors: ${bad.count} byte sequences are not UTF-8 (first at byte ${bad.firstByteOffset}, ` +
        `line ${bad.firstLine}); Latin-1 (ISO-8859-1) is proposed instead`,
    );
  }
  // Rows to skip and comment lines are dropped before any detection (the quote character for telling
  // quoted line breaks is the chosen one, else the usual double quote).
  const lineOptions = { ...overrides, quoteChar: overrides.quoteChar ?? '"' } as const;
  let headText = decoded.text;
  if (LineFilter.needed(lineOptions)) {
    const filter = new LineFilter(lineOptions, 'drop');
    headText = filter.push(headText) + filter.end();
  }
  const text = whole ? headText : headText.slice(0, headText.lastIndexOf('\n') + 1);
  // Detection looks at the first SNIFF_BYTES only; the limits are then checked on all that was read,
  // before the sample is parsed into rows.
  const detectionText = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  const quoteChar = overrides.quoteChar ?? detectQuoteChar(detectionText);
  const dialect = detectDelimiter(detectionText, quoteChar);
  const delimiter = overrides.delimiter ?? dialect.delimiter;
  const dialectOptions = { delimiter, quoteChar };
  new CsvLimitGuard(
    filePath,
    dialectOptions,
    papaparseNewline(detectionText, dialectOptions),
  ).check(headText);
  if (overrides.delimiter === undefined) notes.push(`delimiter: ${dialect.reason}`);
  if (quoteChar === "'") notes.push("fields are quoted with ' (single quote)");
  const rows = parseSample(text, delimiter, quoteChar);
  const dec = detectDecimal(rows, delimiter);
  const decimal = overrides.decimal ?? dec.decimal;
  if (overrides.decimal === undefined) notes.push(`decimal mark "${decimal}": ${dec.reason}`);
  const missingTokens = overrides.missingTokens ?? [...DEFAULT_MISSING_TOKENS];
  const head = detectHeader(rows, decimal, new Set(missingTokens));
  const header = overrides.header ?? head.header;
  if (overrides.header === undefined) notes.push(`header: ${head.reason}`);

  const firstRow = rows[0] ?? [];
  const columnNames = columnNamesFrom(firstRow, header);
  const renamed = header ? renamedColumnsNote(firstRow, columnNames) : null;
  if (renamed !== null) notes.push(renamed);
  const dataRows = rows.slice(header ? 1 : 0);
  const cellsOf = (j: number): string[] => dataRows.map((r) => r[j] ?? '');
  const missingSet = new Set(missingTokens);
  const sampled = columnNames.map((name, j) => ({
    name,
    cells: cellsOf(j).filter((c) => !missingSet.has(c.trim())),
  }));

  let timeColumn: string | null = null;
  let timeFormat: TimeFormat = 'index';
  let timeReason = 'no column looks like time, so rows are numbered 1, 2, 3, ...';
  if (overrides.timeColumn !== undefined) {
    timeColumn = overrides.timeColumn;
    const j = timeColumn === null ? -1 : columnNames.indexOf(timeColumn);
    const col = sampled[j];
    const guessed =
      col === undefined
        ? null
        : (isoFormatOf(col.cells) ??
          numericTimeFormat({ name: 'time', cells: col.cells }, true)?.format ??
          // Mostly dates, in several formats: read each cell by the format that fits it.
          (mixedDatesVerdict(col.cells).share >= 0.5 ? 'mixed-dates' : undefined));
    timeFormat = overrides.timeFormat ?? guessed ?? 'index';
    timeReason = 'chosen by the user';
  } else {
    const guess = detectTimeColumn(sampled);
    if (guess !== null) {
      timeColumn = columnNames[guess.index] ?? null;
      timeFormat = overrides.timeFormat ?? guess.format;
      timeReason = guess.reason;
    } else {
      // A column of dates in several formats, every one of them readable, is the time column.
      for (const col of sampled) {
        const v = mixedDatesVerdict(col.cells);
        if (v.share === 1 && v.shapes.length > 1) {
          timeColumn = col.name;
          timeFormat = overrides.timeFormat ?? 'mixed-dates';
          timeReason = `its cells are dates in ${v.shapes.length} formats (${shapesInWords(v.shapes)}), each read by its own format`;
          break;
        }
        if (v.share >= 0.5) {
          notes.push(
            `"${col.name}" looks like dates, but ${v.unreadable.map((c) => `"${c}"`).join(', ')} ` +
              'fit no date format (day and month cannot be told apart, or the format is unknown)',
          );
        }
      }
    }
  }
  notes.push(
    timeColumn === null
      ? `time: ${timeReason}`
      : `time: "${timeColumn}" as ${timeFormat}, because ${timeReason}`,
  );

  const draft: ParseOptions = {
    encoding: overrides.encoding ?? decoded.suggested,
    delimiter,
    quoteChar,
    header,
    decimal,
    missingTokens,
    timeColumn,
    timeFormat,
    textColumns: [],
    ...(overrides.skipRows === undefined ? {} : { skipRows: overrides.skipRows }),
    ...(overrides.commentChar === undefined ? {} : { commentChar: overrides.commentChar }),
    ...(overrides.padShortRows === undefined ? {} : { padShortRows: overrides.padShortRows }),
    ...(overrides.timePattern === undefined ? {} : { timePattern: overrides.timePattern }),
    ...(overrides.skipColumns === undefined ? {} : { skipColumns: overrides.skipColumns }),
  };
  const columns = columnNames.map((name, j) => describeColumn(name, cellsOf(j), draft));
  const skipped = draft.skipColumns ?? [];
  const textColumns = (
    overrides.textColumns ?? columns.filter((c) => c.kind === 'text').map((c) => c.name)
  ).filter((name) => !skipped.includes(name));
  for (const c of columns) {
    if (skipped.includes(c.name) && c.name !== timeColumn) {
      notes.push(`"${c.name}" is left out of the import (unticked)`);
    } else if (c.kind === 'text') {
      notes.push(
        `"${c.name}" is text (${Math.round(c.numericShare * 100)}% numbers) and is not analysed`,
      );
    }
    if (c.thousandsSeparator !== null)
      notes.push(`"${c.name}" groups thousands with "${c.thousandsSeparator}"`);
  }
  columnNames.forEach((name, j) => {
    if (name === timeColumn || skipped.includes(name) || textColumns.includes(name)) return;
    const spelled = new Set(cellsOf(j).filter((cell) => isNonFiniteCell(cell, decimal)));
    if (spelled.size === 0) return;
    const shown = [...spelled].slice(0, 4).map((cell) => `"${cell.trim()}"`);
    notes.push(
      `"${name}" holds non-finite values (${shown.join(', ')}${spelled.size > 4 ? ', ...' : ''}): ` +
        'read as missing and listed as a problem to decide after import',
    );
  });
  return {
    fileName: path.basename(filePath),
    filePath,
    fileSize: size,
    sampledBytes: bytes.length,
    wholeFileSampled: whole,
    options: { ...draft, textColumns },
    encoding: decoded.encoding,
    columnNames,
    preview: dataRows.slice(0, 20),
    columns,
    timeCandidate:
      timeColumn === null ? null : { column: timeColumn, format: timeFormat, reason: timeReason },
    numericColumns: columns.filter((c) => c.kind === 'numeric').map((c) => c.name),
    textColumns,
    notes,
  };
}
