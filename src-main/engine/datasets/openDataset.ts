// Builds a dataset the way the analyst asked: sniff (unless options were given), stream-import,
// apply the recorded choices, infer frequency (unless overridden), summarise. The result keeps the
// typed arrays for the engine and a JSON-able DatasetInfo for the UI.
import { timeProblems } from '../csv/timeProblems';
import type { DatasetInfo } from '../../shared/schemas/dataset';
import type { DatasetSpec } from '../../shared/schemas/engine';
import { applyImportChoices } from '../csv/applyImportChoices';
import { columnSummary } from '../csv/columnSummary';
import { findProblems } from '../csv/findProblems';
import { importCsv } from '../csv/importCsv';
import { inferFrequency } from '../csv/inferFrequency';
import { sniffCsv } from '../csv/sniffCsv';
import type { FrequencyInfo, ImportedTable, ImportHooks } from '../csv/types';

/** What the engine needs to (re)build a dataset: the engine map's schema (shared/schemas/engine.ts). */
export type { DatasetSpec } from '../../shared/schemas/engine';

export interface LoadedDataset {
  spec: DatasetSpec;
  table: ImportedTable;
  frequency: FrequencyInfo;
  info: DatasetInfo;
}

export async function openDataset(spec: DatasetSpec, hooks: ImportHooks): Promise<LoadedDataset> {
  const options = spec.options ?? (await sniffCsv(spec.path)).options;
  const raw = await importCsv(spec.path, options, hooks);
  const rawFrequency = inferFrequency(raw.time.values, raw.time.format);
  const problems = [
    ...(await timeProblems(spec.path, options)),
    ...findProblems(raw, rawFrequency),
  ];
  const { frequency: freqOverride, seasonalPeriod, ...tableChoices } = spec.choices;
  const { table } = applyImportChoices(raw, tableChoices, rawFrequency);
  const inferred = inferFrequency(table.time.values, table.time.format);
  const frequency: FrequencyInfo = {
    ...inferred,
    frequency: freqOverride ?? inferred.frequency,
    seasonalPeriod: seasonalPeriod ?? inferred.seasonalPeriod,
  };
  const times = table.time.values;
  const info: DatasetInfo = {
    datasetId: spec.datasetId,
    name: spec.name,
    source: spec.source,
    rows: table.rowCount,
    timeColumn: table.time.column,
    timeFormat: table.time.format,
    frequency: frequency.frequency,
    seasonalPeriod: frequency.seasonalPeriod,
    frequencyExplanation: frequency.explanation,
    firstTime: times.length > 0 ? (times[0] ?? null) : null,
    lastTime: times.length > 0 ? (times[times.length - 1] ?? null) : null,
    columns: table.columns.map((c) => ({ name: c.name, ...columnSummary(c.values, times) })),
    textColumns: table.textColumns,
    problems,
    appliedChoices: table.appliedChoices,
    warnings: table.warnings,
    options,
    choices: spec.choices,
  };
  return { spec, table, frequency, info };
}
