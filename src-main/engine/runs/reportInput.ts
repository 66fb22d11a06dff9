// Assembles a report from what the studio has: the dataset (series + diagnostics of the explored
// column), the chosen runs with freshly computed residual diagnostics, the explanations the analyst
// computed, and a Diebold-Mariano comparison when exactly two runs are chosen.
import type { SensitivityResult as ContractSensitivity } from '../../shared/schemas/interpret';
import type { RunResult } from '../../shared/schemas/model';
import type { LoadedDataset } from '../datasets/openDataset';
import { columnSeries } from '../analysis/columnSeries';
import { dieboldMarianoTest } from '../interpret/dieboldMariano';
import { residualDiagnostics } from '../interpret/residualDiagnostics';
import type { RunResult as CoreRun } from '../model/runResult';
import type { ReportInput, ReportRun } from '../reports/reportTypes';
import type { ReportSection } from '../reports/reportSections';
import { seriesWindow } from '../series/seriesWindow';
import { analyzeSeries } from '../stats/analyzeSeries';
import { sameTestWindows, stepErrors, stepSeries } from './testErrors';

export interface ReportRequestData {
  title: string;
  dataset: LoadedDataset | null;
  column: string | null;
  runs: RunResult[];
  sensitivities: Record<string, ContractSensitivity>;
  sections: ReportSection[];
}

function reportRun(
  run: RunResult,
  dataset: LoadedDataset | null,
  sensitivity: ContractSensitivity | undefined,
): ReportRun {
  const first = stepSeries(run, 1);
  const residuals =
    first.actual.length >= 3 ? residualDiagnostics(first.actual, first.predicted) : undefined;
  const band95 = run.intervals.find((b) => b.level === 0.95);
  const targetValues = dataset?.table.columns.find((c) => c.name === run.config.target)?.values;
  return {
    run: run as unknown as CoreRun,
    ...(residuals ? { residuals } : {}),
    ...(band95
      ? {
          interval: {
            level: 0.95,
            lower: band95.lower.map((v) => v ?? Number.NaN),
            upper: band95.upper.map((v) => v ?? Number.NaN),
          },
        }
      : {}),
    ...(dataset && targetValues
      ? { actual: { times: dataset.table.time.values, values: Array.from(targetValues) } }
      : {}),
    ...(sensitivity
      ? {
          sensitivity: {
            result: {
              mode: sensitivity.method === 'occlusion' ? 'occlusion' : 'plus-minus',
              shape: {
                windows: sensitivity.windows,
                lookback: sensitivity.lookback,
                features: sensitivity.features.length,
              },
              effect: Float64Array.from(sensitivity.effect, (v) => v ?? Number.NaN),
              meanAbsPerLag: Float64Array.from(sensitivity.meanAbsPerLag, (v) => v ?? Number.NaN),
            },
            windowTimes: sensitivity.windowTimes,
            featureNames: sensitivity.features,
          },
        }
      : {}),
  };
}

export function buildReportInput(data: ReportRequestData): ReportInput {
  const { dataset, column } = data;
  const input: ReportInput = { title: data.title, sections: ['title', ...data.sections] };
  if (dataset) {
    const explored = column ?? dataset.table.columns[0]?.name ?? null;
    const series = explored
      ? seriesWindow(dataset, { columns: [explored], maxPoints: 1500 })
      : undefined;
    const complete = explored ? columnSeries(dataset, explored, []).complete : null;
    const analysis =
      complete && complete.length >= 8
        ? analyzeSeries(complete, { seasonalPeriod: dataset.frequency.seasonalPeriod })
        : null;
    input.dataset = {
      info: dataset.info,
      ...(series ? { series } : {}),
      ...(analysis
        ? { analysis: { ...analysis, column: explored ?? '', transforms: [], boxcoxLambda: null } }
        : {}),
    } as ReportInput['dataset'];
  }
  input.runs = data.runs.map((run) => reportRun(run, dataset, data.sensitivities[run.id]));
  const [a, b] = data.runs;
  if (data.runs.length === 2 && a && b && sameTestWindows(a, b)) {
    const e1 = stepErrors(stepSeries(a, 1));
    const e2 = stepErrors(stepSeries(b, 1));
    input.comparison = {
      dm: {
        ...dieboldMarianoTest(e1, e2, { h: 1, power: 2, alternative: 'two.sided' }),
        runA: a.id,
        runB: b.id,
      },
    };
  }
  return input;
}
