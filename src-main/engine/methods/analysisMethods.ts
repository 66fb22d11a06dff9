import { AnalysisResult } from '../../shared/schemas/analysis';
import { StudioFailure } from '../../shared/result';
import { columnSeries } from '../analysis/columnSeries';
import { jsonAs, nullable, nullableNumber } from '../analysis/jsonSafe';
import type { DatasetStore } from '../datasets/datasetStore';
import type { HandlersFor } from '../process/methodTypes';
import { minMaxIndices } from '../series/downsample';
import { analyzeSeries } from '../stats/analyzeSeries';
import { boxcoxLambdaMle } from '../stats/boxcox';
import { stl } from '../stats/stl';

export function analysisMethods(
  store: DatasetStore,
): HandlersFor<'analysis:diagnostics' | 'analysis:stl' | 'analysis:transform'> {
  return {
    'analysis:diagnostics': async (params) => {
      const dataset = await store.get(params.spec);
      const series = columnSeries(dataset, params.column, params.transforms);
      if (series.complete.length < 8) {
        throw new StudioFailure(
          'invalid-request',
          `${params.column}: diagnostics need at least 8 values, got ${series.complete.length}.`,
        );
      }
      // analyzeSeries caps the lag count itself and says so in its notes.
      const { adf, kpss, ljungBox, boxcoxMethod } = params;
      const result = analyzeSeries(series.complete, {
        ...(params.nlags === undefined ? {} : { nlags: params.nlags }),
        pacfMethod: params.pacfMethod,
        seasonalPeriod: dataset.frequency.seasonalPeriod,
        ...(adf === undefined
          ? {}
          : { adf: { ...adf, autolag: adf.autolag === 'none' ? null : adf.autolag } }),
        ...(kpss === undefined ? {} : { kpss }),
        ...(ljungBox === undefined ? {} : { ljungBox }),
        ...(boxcoxMethod === undefined ? {} : { boxcoxMethod }),
      });
      const positive = series.complete.every((v) => v > 0);
      return jsonAs(AnalysisResult, {
        ...result,
        column: params.column,
        transforms: series.labels,
        boxcoxLambda: positive ? nullableNumber(boxcoxLambdaMle(series.complete)) : null,
      });
    },
    'analysis:stl': async (params) => {
      const dataset = await store.get(params.spec);
      const series = columnSeries(dataset, params.column, []);
      if (series.complete.length !== series.aligned.length) {
        throw new StudioFailure(
          'invalid-request',
          `${params.column} has missing values; STL needs a complete series — fill them in the import choices first.`,
        );
      }
      if (series.complete.length < 2 * params.period + 1) {
        throw new StudioFailure(
          'invalid-request',
          `STL with period ${params.period} needs at least ${2 * params.period + 1} values.`,
        );
      }
      const fit = stl(series.complete, params.period, { robust: params.robust });
      return {
        column: params.column,
        period: params.period,
        x: Array.from(series.times),
        observed: nullable(series.complete),
        trend: nullable(fit.trend),
        seasonal: nullable(fit.seasonal),
        resid: nullable(fit.resid),
        note: `STL (Cleveland et al.), period ${params.period}, seasonal smoother 7, ${params.robust ? 'robust' : 'non-robust'} — statsmodels defaults.`,
      };
    },
    'analysis:transform': async (params) => {
      const dataset = await store.get(params.spec);
      const series = columnSeries(dataset, params.column, params.transforms);
      const { indices, downsampled } = minMaxIndices(
        [series.aligned],
        0,
        series.aligned.length,
        params.maxPoints,
      );
      const x: number[] = [];
      const values: (number | null)[] = [];
      for (const i of indices) {
        x.push(i < 0 ? (x[x.length - 1] ?? 0) : (series.times[i] ?? 0));
        const v = i < 0 ? Number.NaN : (series.aligned[i] ?? Number.NaN);
        values.push(Number.isFinite(v) ? v : null);
      }
      const label =
        series.labels.length > 0
          ? `${params.column} (${series.labels.join(' → ')})`
          : params.column;
      return {
        datasetId: dataset.info.datasetId,
        timeFormat: dataset.table.time.format,
        x,
        series: [{ name: label, values }],
        totalPoints: series.aligned.length,
        downsampled,
        method: downsampled
          ? `min/max per bucket (${indices.length} of ${series.aligned.length} points)`
          : 'all points',
      };
    },
  };
}
