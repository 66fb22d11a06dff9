import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { engineMethods as engineMethodMap } from '../../shared/engineMethods';
import type { FitSettings } from '../../shared/schemas/model';
import { StudioFailure } from '../../shared/result';
import type { DatasetStore } from '../datasets/datasetStore';
import { ClassicalFitCache } from '../baselines/classical';
import { resolveFitConfig, type FitConfig } from '../model/fitConfig';
import { runFit } from '../model/runFit';
import { computeSplit } from '../model/split';
import { throttledProgress, type HandlersFor } from '../process/methodTypes';
import { enrichRun } from '../runs/enrichRun';
import { fitDatasetOf } from '../runs/fitDataset';
import { suggestTransforms } from '../runs/suggestTransforms';
import { assertFiniteInputs } from '../runs/finiteInputs';
import { resolveSteps } from '../analysis/columnSeries';
import { nullableNumber } from '../analysis/jsonSafe';
import { backendInfo } from './backendInfo';
import { engineRuntime } from '../kernels/trainingRuntime';

function targetValues(
  columns: Record<string, Float64Array>,
  name: string,
  file: string,
): Float64Array {
  const values = columns[name];
  if (!values) throw new StudioFailure('not-found', `${file} has no numeric column "${name}".`);
  return values;
}

/** Resolves "estimate λ" Box-Cox steps on the training part only (rows before validation). */
function resolveTransforms(
  steps: FitSettings['transforms'],
  target: Float64Array,
  trainEnd: number,
): FitConfig['transforms'] {
  return steps ? resolveSteps(target.subarray(0, Math.max(2, trainEnd)), steps) : [];
}

/** First row of the validation part for a resolved config (scalers and suggestions see only rows before it). */
function trainEndOf(config: FitConfig, n: number): number {
  return computeSplit(
    n,
    {
      testSize: config.testSize ?? undefined,
      testFraction: config.testFraction,
      valSize: config.valSize ?? undefined,
      valFraction: config.valFraction,
    },
    config.horizon,
  ).valStart;
}

export function modelMethods(store: DatasetStore): HandlersFor<'model:defaults' | 'model:fit'> {
  return {
    'model:defaults': async ({ spec, target }) => {
      const dataset = await store.get(spec);
      const config = resolveFitConfig(
        dataset.table.rowCount,
        dataset.frequency.seasonalPeriod,
        { target },
        target,
      );
      const values = dataset.table.columns.find((c) => c.name === target)?.values;
      // Decided on the training part only, as the fit decides them: the same rules as the Explore
      // hints (stats/seriesRules), which describe the whole series, so the two can differ only
      // where the held-out rows alone would change the decision.
      const suggested = values
        ? suggestTransforms(
            values.subarray(0, trainEndOf(config, values.length)),
            dataset.frequency.seasonalPeriod,
          )
        : { steps: [], reasons: [] };
      // FitConfig types the forecasting keys as optional (runs recorded before them lack them);
      // resolveFitConfig fills every one, and the parse checks it before the answer leaves.
      return engineMethodMap['model:defaults'].result.parse({
        ...config,
        transforms: suggested.steps,
        transformNotes: suggested.reasons,
      });
    },
    'model:fit': async ({ spec, settings, workDir }, ctx) => {
      await backendInfo();
      const runtime = await engineRuntime();
      const dataset = await store.get(spec);
      const fitData = fitDatasetOf(dataset);
      const targetName = settings.target ?? dataset.table.columns[0]?.name ?? '';
      const target = targetValues(fitData.columns, targetName, dataset.info.name);
      assertFiniteInputs(dataset, [targetName, ...(settings.features ?? [])]);
      // Resolved once: the split (and so the training end) does not depend on the transforms,
      // which are then resolved on the training part; runFit gets the complete config.
      const resolved = resolveFitConfig(
        target.length,
        fitData.seasonalPeriod,
        { ...settings, transforms: [] },
        targetName,
      );
      const valStart = trainEndOf(resolved, target.length);
      const runId = `run_${randomUUID().replace(/-/g, '')}`;
      // The combination's classical parts and the baselines share their fits on the same rows.
      const classicalCache = new ClassicalFitCache();
      const report = throttledProgress(ctx, 150);
      // No transforms chosen at all (the CLI without --transforms): use the suggested ones.
      const suggested =
        settings.transforms === undefined
          ? suggestTransforms(target.subarray(0, valStart), fitData.seasonalPeriod)
          : null;
      const config: FitConfig = {
        ...resolved,
        transforms: resolveTransforms(suggested?.steps ?? settings.transforms, target, valStart),
      };
      const core = await runFit(
        fitData,
        config,
        {
          signal: ctx.signal,
          onBatch: (p) =>
            report({
              phase: 'train',
              fraction: null,
              message: `Epoch ${p.epoch}, batch ${p.batch}/${p.batches} · loss ${p.loss.toPrecision(4)} · ${Math.round(p.samplesPerSec)} samples/s`,
              detail: {
                kind: 'batch',
                epoch: p.epoch,
                batch: p.batch,
                batches: p.batches,
                loss: nullableNumber(p.loss),
                samplesPerSec: nullableNumber(p.samplesPerSec),
                etaSeconds: nullableNumber(p.etaSeconds),
              },
            }),
          onEpoch: (p) =>
            report(
              {
                phase: 'train',
                fraction: p.epoch / p.epochs,
                message: `Epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toPrecision(4)}${p.valLoss === null ? '' : ` · val ${p.valLoss.toPrecision(4)}`} · ETA ${Math.round(p.etaSeconds)} s`,
                detail: {
                  kind: 'epoch',
                  epoch: p.epoch,
                  epochs: p.epochs,
                  loss: nullableNumber(p.loss),
                  valLoss: nullableNumber(p.valLoss),
                  seconds: p.seconds,
                  samplesPerSec: nullableNumber(p.samplesPerSec),
                  etaSeconds: nullableNumber(p.etaSeconds),
                  bestEpoch: p.bestEpoch,
                },
              },
              true,
            ),
        },
        { saveDir: path.join(workDir, 'models', runId), id: runId, runtime, classicalCache },
      );
      ctx.progress({
        phase: 'evaluate',
        fraction: 1,
        message: 'Scoring baselines and intervals…',
      });
      const run = enrichRun(
        core,
        spec.datasetId,
        target,
        runId,
        (name, done, total) =>
          ctx.progress({
            phase: 'evaluate',
            fraction: done / total,
            message: `Scoring baselines: ${name} (${done + 1} of ${total})…`,
          }),
        classicalCache,
      );
      return suggested
        ? { ...run, settingsNotes: suggested.reasons.map((r) => `Suggested transform — ${r}`) }
        : run;
    },
  };
}
