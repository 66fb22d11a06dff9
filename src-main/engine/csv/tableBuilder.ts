// Turns parsed records into an ImportedTable, row by row, without keeping any row strings. Records
// come as string arrays (papaparse) or as field ranges of a text chunk (fastRecordScanner).
// Row numbers follow the convention in csvImportError.ts (records from 1, header included).
import path from 'node:path';
import { CsvImportError, MIN_DATA_ROWS, quoteCell } from './csvImportError';
import { columnNamesFrom } from './columnNames';
import { GrowableFloat64 } from './growableFloat64';
import { commentCharOf, skipRowsOf } from './lineFilter';
import { isBlank } from './missingTokens';
import { NumericColumnBuilder } from './numericColumnBuilder';
import { parsePlainDecimal } from './parseNumber';
import { FIELD_PLAIN_NUMBER, type ParsedRecord } from './parsedRecord';
import { TIME_FORMAT_WORDS, timeParser, type TimeParser } from './parseTime';
import { RangeTimeParser } from './rangeTimeParser';
import { timePatternParser, timePatternProblem } from './timePattern';
import type { ImportedColumn, ImportedTable, ParseOptions } from './types';

export class TableBuilder {
  records = 0;
  dataRows = 0;
  private names: string[] | null = null;
  private timeIndex = -1;
  private numeric: { index: number; builder: NumericColumnBuilder }[] = [];
  private forcedText: string[] = [];
  /** Columns the analyst left out (ParseOptions.skipColumns): not read at all. */
  private skipped: string[] = [];
  private readonly time = new GrowableFloat64();
  private readonly rowNumbers = new GrowableFloat64();
  private readonly parseTime: TimeParser;
  private readonly rangeTime: RangeTimeParser;
  private readonly timeSlot = new Float64Array(1);
  private readonly missing: ReadonlySet<string>;
  private pendingBlank = 0;
  private reservedRows = 0;
  private interiorBlank = 0;
  private firstInteriorBlank = 0;
  private readonly comment: string | null;
  private readonly pad: boolean;
  private padded = 0;
  private firstPadded = 0;

  constructor(
    private readonly filePath: string,
    private readonly options: ParseOptions,
  ) {
    if (options.timeFormat === 'pattern') {
      const problem = timePatternProblem(options.timePattern ?? '');
      if (problem !== null)
        throw new CsvImportError(
          'invalid-option',
          filePath,
          options.timePattern
            ? `the date pattern "${options.timePattern}" cannot be used: ${problem}`
            : 'the time format "date pattern" needs a pattern, e.g. dd.MM.yyyy',
        );
    }
    this.parseTime =
      options.timeFormat === 'pattern'
        ? timePatternParser(options.timePattern ?? '')
        : timeParser(options.timeFormat);
    this.rangeTime = new RangeTimeParser(options.timeFormat);
    this.missing = new Set(options.missingTokens);
    this.comment = commentCharOf(options);
    this.pad = options.padShortRows ?? false;
    // Rows keep the file's numbering: the skipped lines are rows 1..skipRows.
    this.records = skipRowsOf(options);
    if (
      this.comment !== null &&
      (this.comment === options.delimiter || this.comment === options.quoteChar)
    ) {
      const what = this.comment === options.delimiter ? 'delimiter' : 'quote character';
      throw new CsvImportError(
        'invalid-option',
        filePath,
        `the comment character "${this.comment}" is also the ${what}; choose another one`,
      );
    }
  }

  /** Whether text[from, to) is a comment line as LineFilter passes it on (just the character). */
  isCommentRange(text: string, from: number, to: number): boolean {
    return to - from === 1 && this.comment !== null && text[from] === this.comment;
  }

  /** Reserves room for about `rows` data rows in every column (a guess; the columns still grow). */
  reserve(rows: number): void {
    this.reservedRows = rows;
    this.time.reserve(rows);
    this.rowNumbers.reserve(rows);
    for (const { builder } of this.numeric) builder.values.reserve(rows);
  }

  /** Fields per record once the first record has named the columns; -1 before. */
  get columnCount(): number {
    return this.names === null ? -1 : this.names.length;
  }

  /** The name of column `index` once the first record has named the columns; null before. */
  columnName(index: number): string | null {
    return this.names?.[index] ?? null;
  }

  addRows(rows: string[][]): void {
    for (const row of rows) this.addRow(row);
  }

  addRow(row: string[]): void {
    const rowNo = ++this.records;
    // Blank lines are skipped even in one-column files, where they could be meant as missing values;
    // the warning in finish() says so.
    if (row.length === 1 && isBlank(row[0] as string)) {
      this.pendingBlank++;
      return;
    }
    if (row.length === 1 && this.comment !== null && row[0] === this.comment) return;
    if (this.names === null) {
      this.setUp(row);
      if (this.options.header) return;
    }
    this.startDataRow(rowNo, row.length);
    const ti = this.timeIndex;
    this.time.push(ti < 0 ? this.dataRows : this.timeOf(this.timeCell(row[ti], rowNo), rowNo));
    for (const { index, builder } of this.numeric) {
      const cell = row[index];
      if (cell === undefined) builder.addPadded();
      else builder.add(cell, rowNo);
    }
  }

  /**
   * Which fields the fast path may read as plain decimals itself (FIELD_PLAIN_NUMBER), by position;
   * only once the first record has named the columns.
   */
  fieldRoles(): Uint8Array {
    const roles = new Uint8Array(this.columnCount);
    for (const { index, builder } of this.numeric)
      if (builder.plainFirst && this.options.decimal !== this.options.delimiter)
        roles[index] = FIELD_PLAIN_NUMBER;
    return roles;
  }

  /**
   * addRow for the fast path: field j is text[starts[j], ends[j]), and where parsed[j] is 1 its plain
   * decimal value is values[j]. Only for a record after the first one that is not blank (the caller
   * checks both), so it goes straight to the data cells.
   */
  addParsedRow(record: ParsedRecord): void {
    const { text, starts, ends, fields, values, parsed } = record;
    const rowNo = ++this.records;
    this.startDataRow(rowNo, fields);
    const ti = this.timeIndex;
    if (ti < 0) this.time.push(this.dataRows);
    else if (ti >= fields) this.time.push(this.timeOf(this.timeCell(undefined, rowNo), rowNo));
    else {
      const from = starts[ti] as number;
      const to = ends[ti] as number;
      if (this.rangeTime.read(text, from, to, this.timeSlot)) this.time.pushFrom(this.timeSlot, 0);
      else this.time.push(this.timeOf(text.substring(from, to), rowNo));
    }
    const numeric = this.numeric;
    for (let k = 0; k < numeric.length; k++) {
      const { index, builder } = numeric[k] as { index: number; builder: NumericColumnBuilder };
      if (index >= fields) builder.addPadded();
      else if (parsed[index] === 1) builder.addParsed(values, index);
      else builder.addRange(text, starts[index] as number, ends[index] as number, rowNo);
    }
  }

  private startDataRow(rowNo: number, fields: number): void {
    const names = this.names as string[];
    if (this.pendingBlank > 0) {
      if (this.interiorBlank === 0) this.firstInteriorBlank = rowNo - this.pendingBlank;
      this.interiorBlank += this.pendingBlank;
      this.pendingBlank = 0;
    }
    if (fields < names.length && this.pad) {
      if (this.padded++ === 0) this.firstPadded = rowNo;
    } else if (fields !== names.length) {
      const what = fields > names.length ? 'too many' : 'too few';
      const hint = what === 'too few' ? ', or pad short rows with missing values' : '';
      const detail = `${fields} fields where ${names.length} are expected (${what}; check for a stray delimiter or quote${hint})`;
      throw new CsvImportError('ragged-row', this.filePath, detail, { row: rowNo });
    }
    this.dataRows++;
    this.rowNumbers.push(rowNo);
  }

  /** The time cell of a row; a padded row without one has no time, which is an error. */
  private timeCell(cell: string | undefined, row: number): string {
    if (cell !== undefined) return cell;
    throw new CsvImportError(
      'missing-time-value',
      this.filePath,
      'the time is missing (the row is too short to reach the time column)',
      { row, column: this.options.timeColumn ?? undefined },
    );
  }

  private timeOf(cell: string, row: number): number {
    const t = this.parseTime(cell);
    if (t === t) return t;
    const column = this.options.timeColumn ?? undefined;
    if (this.missing.has(cell.trim())) {
      throw new CsvImportError(
        'missing-time-value',
        this.filePath,
        `the time is missing (${quoteCell(cell)})`,
        { row, column },
      );
    }
    const detail =
      this.options.timeFormat === 'pattern'
        ? `${quoteCell(cell)} does not match the date pattern "${this.options.timePattern ?? ''}"`
        : `${quoteCell(cell)} is not a valid ${TIME_FORMAT_WORDS[this.options.timeFormat]}`;
    throw new CsvImportError('bad-time-value', this.filePath, detail, { row, column });
  }

  private setUp(first: string[]): void {
    const names = columnNamesFrom(first, this.options.header);
    this.names = names;
    const { timeColumn, decimal, textColumns } = this.options;
    const skip = this.options.skipColumns ?? [];
    if (timeColumn !== null) {
      this.timeIndex = names.indexOf(timeColumn);
      if (this.timeIndex < 0) {
        const detail = `there is no column "${timeColumn}" to read time from (columns: ${names.join(', ')})`;
        throw new CsvImportError('unknown-column', this.filePath, detail);
      }
    }
    const numericTokens = new Set(
      [...this.missing].filter((t) => !Number.isNaN(parsePlainDecimal(t, 46))),
    );
    names.forEach((name, index) => {
      if (index === this.timeIndex) return;
      if (skip.includes(name)) this.skipped.push(name);
      else if (textColumns.includes(name)) this.forcedText.push(name);
      else {
        const builder = new NumericColumnBuilder(name, decimal, this.missing, numericTokens);
        builder.values.reserve(this.reservedRows);
        this.numeric.push({ index, builder });
      }
    });
  }

  /**
   * Refuses a column whose values span more than the largest double (about 1.8e308, e.g. -1e308 and
   * 1e308): differences, spreads and every statistic built on them would overflow. Within that
   * span the summary statistics are finite and exact (columnSummary.ts).
   */
  private checkSpan(name: string, values: Float64Array): void {
    let lo = -1;
    let hi = -1;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v < min) {
        min = v;
        lo = i;
      }
      if (v > max) {
        max = v;
        hi = i;
      }
    }
    if (lo < 0 || Number.isFinite(max - min)) return;
    const rows = this.rowNumbers.toArray();
    const detail =
      `the values run from ${min} (row ${rows[lo]}) to ${max} (row ${rows[hi]}), a span beyond ` +
      '1.8e308, the largest number statistics can hold; rescale the column (e.g. divide it by 1e300) ' +
      'and open the file again';
    throw new CsvImportError('values-out-of-range', this.filePath, detail, { column: name });
  }

  finish(warnings: string[]): ImportedTable {
    const fail = (code: 'empty-file' | 'header-only' | 'too-few-rows', detail: string): never => {
      throw new CsvImportError(code, this.filePath, detail);
    };
    if (this.names === null) fail('empty-file', 'the file has no rows (only blank lines)');
    if (this.dataRows === 0) fail('header-only', 'the file has a header row but no data rows');
    if (this.dataRows < MIN_DATA_ROWS) {
      const n = this.dataRows === 1 ? '1 data row' : `${this.dataRows} data rows`;
      fail(
        'too-few-rows',
        `only ${n}; at least ${MIN_DATA_ROWS} are needed to see how the series moves over time`,
      );
    }
    if (this.padded > 0) {
      warnings.push(
        `${this.padded} short row(s) padded with missing values, the first at row ${this.firstPadded}`,
      );
    }
    if (this.interiorBlank > 0) {
      warnings.push(
        `${this.interiorBlank} blank line(s) skipped, the first at row ${this.firstInteriorBlank}`,
      );
    }
    if (this.skipped.length > 0) {
      const names = this.skipped.map((n) => `"${n}"`).join(', ');
      warnings.push(`left out of the import (unticked): ${names}`);
    }
    const columns: ImportedColumn[] = [];
    const textColumns = [...this.forcedText];
    for (const { builder } of this.numeric) {
      const present = builder.numbers + builder.bad;
      if (present > 0 && builder.numbers / present < 0.5) {
        textColumns.push(builder.name);
        warnings.push(
          `"${builder.name}" is read as text (${builder.numbers} of ${present} filled cells are numbers) and is not analysed`,
        );
        continue;
      }
      if (builder.bad > 0) {
        const extra =
          builder.bad > 1 ? ` (and ${builder.bad - 1} more non-numbers in this column)` : '';
        const detail = `${quoteCell(builder.firstBadCell)} is not a number${extra}`;
        throw new CsvImportError('not-a-number', this.filePath, detail, {
          row: builder.firstBadRow,
          column: builder.name,
        });
      }
      const summary = builder.missingSummary();
      if (summary !== null) warnings.push(summary);
      if (builder.nonFinite > 0)
        warnings.push(
          `"${builder.name}": ${builder.nonFinite} non-finite value(s) read as missing (${builder.nonFiniteWords()})`,
        );
      if (builder.grouped)
        warnings.push(`"${builder.name}": thousands separators were read as grouping`);
      const values = builder.values.toArray();
      this.checkSpan(builder.name, values);
      columns.push({
        name: builder.name,
        values,
        missing: builder.missing + builder.nonFinite,
        thousandsSeparatorSeen: builder.grouped,
        ...(builder.nonFinite > 0
          ? {
              nonFiniteMask: builder.nonFiniteMask(),
              nonFiniteTokens: [...builder.nonFiniteTokens],
            }
          : {}),
      });
    }
    if (!columns.some((c) => c.missing < this.dataRows)) {
      // Numbers, but none of them finite: say so rather than suggest the delimiter is wrong.
      const nonFinite = this.numeric
        .map(({ builder }) => builder)
        .filter((b) => b.nonFinite > 0 && b.numbers === 0 && !textColumns.includes(b.name));
      if (nonFinite.length > 0) {
        const listed = nonFinite.map((b) => `"${b.name}": ${b.nonFiniteWords()}`).join('; ');
        throw new CsvImportError(
          'no-finite-values',
          this.filePath,
          `no column has a finite value to analyse, only non-finite or missing ones (${listed})`,
        );
      }
      const listed =
        textColumns.length > 0
          ? ` (text columns: ${textColumns.map((t) => `"${t}"`).join(', ')})`
          : '';
      throw new CsvImportError(
        'no-numeric-column',
        this.filePath,
        `no numeric column to analyse${listed}`,
      );
    }
    return {
      fileName: path.basename(this.filePath),
      filePath: this.filePath,
      rowCount: this.dataRows,
      time: {
        column: this.options.timeColumn,
        format: this.options.timeFormat,
        values: this.time.toArray(),
      },
      columns,
      textColumns,
      options: this.options,
      warnings,
      rowNumbers: this.rowNumbers.toArray(),
      appliedChoices: [],
    };
  }
}
