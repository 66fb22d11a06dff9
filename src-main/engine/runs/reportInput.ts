// Assembles a report from what the studio has: the chosen runs grouped by the dataset each was
// trained on, every group with ITS dataset's pages (summary, series, and the diagnostics of the
// runs' target after the runs' own transforms), the runs with freshly computed residual
// diagnostics, the explanations the analyst computed, and a Diebold-Mariano comparison when exactly
// two runs are chosen. The dataset selected in the sidebar only matters for a report without runs.
import type { SensitivityResult as ContractSensitivity } from '../../shared/schemas/interpret';
import type { RunResult } from '../../shared/schemas/model';
import type { LoadedDataset } from '../datasets/openDataset';
import { columnSeries } from '../analysis/columnSeries';
import { dieboldMarianoTest } from '../evaluation/dieboldMariano';
import { residualDiagnostics } from '../evaluation/residualDiagnostics';
import { forecastMadeBy, memberPaths, peerForecasts } from '../../shared/charts/runForecasts';
import { forecastTable } from '../../shared/charts/forecastTable';
import type { TransformStep } from '../../shared/schemas/analysis';
import type { ReportDataset, ReportGroup, ReportInput, ReportRun } from '../reports/reportTypes';
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
  /** The runs' own datasets; a run whose dataset is not among them gets no dataset pages. */
  datasets?: LoadedDataset[];
}

/** Pairs whose residual is a number (residual diagnostics need at least 4). */
function finitePairs(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < actual.length; i++)
    if (Number.isFinite((actual[i] as number) - (predicted[i] as number))) n++;
  return n;
}

function reportRun(
  run: RunResult,
  dataset: LoadedDataset | null,
  sensitivity: ContractSensitivity | undefined,
): ReportRun {
  const first = stepSeries(run, 1);
  const residuals =
    finitePairs(first.actual, first.predicted) >= 4
      ? residualDiagnostics(first.actual, first.predicted)
      : undefined;
  const band95 = run.intervals.find((b) => b.level === 0.95);
  const targetValues = dataset?.table.columns.find((c) => c.name === run.config.target)?.values;
  const members = memberPaths(run);
  return {
    run,
    verdict: run.verdict ?? null,
    hStep: run.hStep ?? null,
    names: { baselineNotes: run.baselineNotes, baselineModels: run.baselineModels },
    bands: run.intervals,
    forecastBands: run.forecastIntervals,
    peers: peerForecasts(run),
    members,
    madeBy: forecastMadeBy(run),
    forecastTable: forecastTable(run),
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
            units: sensitivity.units,
            ...(sensitivity.headline ? { headline: sensitivity.headline } : {}),
          },
        }
      : {}),
  };
}

/** Summary, series and diagnostics of `column` after `transforms` (the runs' own, when they agree). */
function datasetPages(
  dataset: LoadedDataset,
  column: string | null,
  transforms: TransformStep[],
): ReportDataset {
  const explored = column ?? dataset.table.columns[0]?.name ?? null;
  const series = explored
    ? seriesWindow(dataset, { columns: [explored], maxPoints: 1500 })
    : undefined;
  let prepared: ReturnType<typeof columnSeries> | null = null;
  if (explored) {
    try {
      prepared = columnSeries(dataset, explored, transforms);
    } catch {
      // A transform that does not apply to the whole column (log of a negative value): raw values.
      prepared = columnSeries(dataset, explored, []);
    }
  }
  const complete = prepared?.complete ?? null;
  const analysis =
    complete && complete.length >= 8
      ? analyzeSeries(complete, { seasonalPeriod: dataset.frequency.seasonalPeriod })
      : null;
  return {
    info: dataset.info,
    ...(series ? { series } : {}),
    ...(analysis
      ? {
          analysis: {
            ...analysis,
            column: explored ?? '',
            transforms: prepared?.labels ?? [],
            boxcoxLambda: null,
          },
        }
      : {}),
  } as ReportDataset;
}

const sameTransforms = (runs: readonly RunResult[]): TransformStep[] => {
  const first = runs[0]?.config.transforms ?? [];
  const key = JSON.stringify(first);
  return runs.every((r) => JSON.stringify(r.config.transforms) === key) ? first : [];
};

export function buildReportInput(data: ReportRequestData): ReportInput {
  const { dataset, column } = data;
  const input: ReportInput = { title: data.title, sections: ['title', ...data.sections] };
  if (data.runs.length === 0) {
    if (dataset) input.dataset = datasetPages(dataset, column, []);
    input.runs = [];
  } else {
    const known = [...(data.datasets ?? []), ...(dataset ? [dataset] : [])];
    const order: string[] = [];
    const byId = new Map<string, RunResult[]>();
    for (const run of data.runs) {
      if (!byId.has(run.datasetId)) {
        order.push(run.datasetId);
        byId.set(run.datasetId, []);
      }
      byId.get(run.datasetId)?.push(run);
    }
    const groups: ReportGroup[] = order.map((id) => {
      const runs = byId.get(id) ?? [];
      const own = known.find((d) => d.info.datasetId === id) ?? null;
      const first = runs[0];
      return {
        ...(own && first
          ? { dataset: datasetPages(own, first.config.target, sameTransforms(runs)) }
          : {}),
        name: own?.info.name ?? first?.dataset.name ?? id,
        runs: runs.map((run) => reportRun(run, own, data.sensitivities[run.id])),
      };
    });
    input.groups = groups;
    input.runs = groups.flatMap((g) => g.runs);
  }
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
