import { z } from 'zod';
import type {
  Comparison,
  ResidualDiagnostics,
  SensitivityResult,
} from '../../shared/schemas/interpret';
import type { DatasetStore } from '../datasets/datasetStore';
import type { FitConfig } from '../model/fitConfig';
import { runSensitivity } from '../runs/sensitivityJob';
import { evictModel } from '../runs/modelCache';
import { DatasetSpecSchema } from './datasetMethods';
import { backendInfo } from './backendInfo';
import { StudioFailure } from '../../shared/result';
import { asJson, nullable, nullableNumber } from '../analysis/jsonSafe';
import { dieboldMarianoTest, pairedTTest } from '../interpret/dieboldMariano';
import { residualDiagnostics } from '../interpret/residualDiagnostics';
import { method, throttledProgress } from '../process/methodTypes';
import { sameTestWindows, stepErrors, stepSeries } from '../runs/testErrors';

const RunTest = z.object({
  id: z.string(),
  test: z.object({
    targetStarts: z.array(z.number()),
    horizon: z.number(),
    times: z.array(z.number()),
    predicted: z.array(z.number().nullable()),
    actual: z.array(z.number().nullable()),
  }),
  metrics: z.record(z.string(), z.number().nullable()),
});

const alternatives = { 'two-sided': 'two.sided', less: 'less', greater: 'greater' } as const;

export function interpretMethods(store: DatasetStore) {
  return {
    'runs:sensitivity': method(
      z.object({
        spec: DatasetSpecSchema,
        runId: z.string(),
        config: z.record(z.string(), z.unknown()),
        modelDir: z.string(),
        params: z.object({
          method: z.enum(['perturbation', 'occlusion', 'integrated-gradients']),
          delta: z.number(),
          deltaUnit: z.enum(['scaled', 'std']),
          maxWindows: z.number().int().min(0),
          horizonStep: z.number().int().min(0),
          steps: z.number().int().min(1),
        }),
      }),
      async ({ spec, runId, config, modelDir, params }, ctx): Promise<SensitivityResult> => {
        await backendInfo();
        const dataset = await store.get(spec);
        const report = throttledProgress(ctx);
        return runSensitivity(dataset, config as unknown as FitConfig, modelDir, runId, params, {
          signal: ctx.signal,
          onProgress: (fraction) =>
            report({
              phase: 'explain',
              fraction,
              message: `Explaining: ${Math.round(fraction * 100)}%`,
            }),
        });
      },
    ),
    'runs:forget': method(z.object({ modelDir: z.string() }), async ({ modelDir }) => ({
      evicted: await evictModel(modelDir),
    })),
    'runs:residuals': method(
      z.object({ run: RunTest, horizonStep: z.number().int().min(0) }),
      async ({ run, horizonStep }): Promise<ResidualDiagnostics> => {
        const series = stepSeries(run, horizonStep + 1);
        const d = residualDiagnostics(series.actual, series.predicted);
        return asJson<ResidualDiagnostics>({
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
    ),
    'runs:compare': method(
      z.object({
        a: RunTest,
        b: RunTest,
        loss: z.enum(['squared', 'absolute']),
        h: z.number().int().min(1),
        alternative: z.enum(['two-sided', 'less', 'greater']),
      }),
      async ({ a, b, loss, h, alternative }): Promise<Comparison> => {
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
        return asJson<Comparison>({
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
    ),
  };
}
