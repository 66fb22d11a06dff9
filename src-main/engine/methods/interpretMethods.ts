import { Comparison, ResidualDiagnostics } from '../../shared/schemas/interpret';
import type { RunResult } from '../../shared/schemas/model';
import type { DatasetStore } from '../datasets/datasetStore';
import type { FitConfig } from '../model/fitConfig';
import { runSensitivity } from '../runs/sensitivityJob';
import { evictModel } from '../runs/modelCache';
import { backendInfo } from './backendInfo';
import { engineRuntime } from '../kernels/trainingRuntime';
import { StudioFailure } from '../../shared/result';
import { jsonAs, nullable, nullableNumber } from '../analysis/jsonSafe';
import { dieboldMarianoTest, pairedTTest } from '../evaluation/dieboldMariano';
import { residualDiagnostics } from '../evaluation/residualDiagnostics';
import { throttledProgress, type HandlersFor } from '../process/methodTypes';
import { sameTestWindows, stepErrors, stepSeries } from '../runs/testErrors';

/** A run's stored config as the model needs it: every Box-Cox λ was resolved when it was fitted. */
function fitConfigOf(runId: string, config: RunResult['config']): FitConfig {
  const transforms = config.transforms.map((step) => {
    if (step.kind !== 'boxcox') return step;
    if (step.lambda === null)
      throw new StudioFailure(
        'invalid-request',
        `Run ${runId}: its Box-Cox step has no λ, so its model inputs cannot be rebuilt.`,
      );
    return { kind: 'boxcox' as const, lambda: step.lambda };
  });
  return { ...config, transforms };
}

const alternatives = { 'two-sided': 'two.sided', less: 'less', greater: 'greater' } as const;

export function interpretMethods(
  store: DatasetStore,
): HandlersFor<'runs:sensitivity' | 'runs:delete' | 'runs:residuals' | 'runs:compare'> {
  return {
    'runs:sensitivity': async ({ spec, runId, config, modelDir, params, pipeline }, ctx) => {
      await backendInfo();
      const runtime = await engineRuntime();
      const dataset = await store.get(spec);
      const report = throttledProgress(ctx);
      const run = { ...params, ...(pipeline ? { pipeline } : {}) };
      return runSensitivity(dataset, fitConfigOf(runId, config), modelDir, runId, run, {
        signal: ctx.signal,
        runtime,
        onProgress: (fraction) =>
          report({
            phase: 'explain',
            fraction,
            message: `Explaining: ${Math.round(fraction * 100)}%`,
          }),
      });
    },
    'runs:delete': async ({ modelDir }) => ({ evicted: await evictModel(modelDir) }),
    'runs:residuals': async ({ run, horizonStep }) => {
      const series = stepSeries(run, horizonStep + 1);
      const d = residualDiagnostics(series.actual, series.predicted);
      return jsonAs(ResidualDiagnostics, {
        ...d,
        runId: run.id,
        horizonStep,
        times: series.times,
        predicted: nullable(series.predicted),
        residuals: nullable(stepErrors(series)),
        histogram: {
          rule: d.histogram.rule,
          edges: nullable(d.histogram.edges),
          counts: nullable(d.histogram.counts),
          centres: nullable(d.histogram.centres),
          normalCounts: nullable(d.histogram.normalCounts),
        },
        qq: { theoretical: nullable(d.qq.theoretical), sample: nullable(d.qq.sample) },
        acf: { ...d.acf, values: nullable(d.acf.values), band: nullableNumber(d.acf.band) },
      });
    },
    'runs:compare': async ({ a, b, loss, h, alternative }) => {
      if (!sameTestWindows(a, b)) {
        throw new StudioFailure(
          'invalid-request',
          'The two runs were not scored on the same test windows (different dataset, split, lookback or horizon); a Diebold-Mariano test needs paired forecasts.',
        );
      }
      const sa = stepSeries(a, h);
      const sb = stepSeries(b, h);
      const e1 = stepErrors(sa);
      const e2 = stepErrors(sb);
      const power = loss === 'squared' ? 2 : 1;
      const dm = dieboldMarianoTest(e1, e2, { h, power, alternative: alternatives[alternative] });
      const d = Float64Array.from(
        e1,
        (v, i) => Math.abs(v) ** power - Math.abs(e2[i] ?? Number.NaN) ** power,
      );
      const t = pairedTTest(d);
      return jsonAs(Comparison, {
        runA: a.id,
        runB: b.id,
        n: dm.n,
        h: dm.h,
        loss,
        alternative,
        dieboldMariano: {
          statistic: dm.statistic,
          pValue: dm.pValue,
          verdict: dm.verdict,
          meanLossDifferential: dm.meanLossDifferential,
          ...(dm.note ? { note: dm.note } : {}),
        },
        pairedTTest: {
          statistic: t.statistic,
          pValue: t.pValue,
          verdict: t.verdict,
          df: t.df,
          mean: t.mean,
        },
        metrics: { a: a.metrics, b: b.metrics },
      });
    },
  };
}
