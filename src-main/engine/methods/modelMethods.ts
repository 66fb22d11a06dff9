import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { FitSettings, type RunResult } from '../../shared/schemas/model';
import { StudioFailure } from '../../shared/result';
import type { DatasetStore } from '../datasets/datasetStore';
import { resolveFitConfig, type FitConfig } from '../model/fitConfig';
import { runFit } from '../model/runFit';
import { computeSplit } from '../model/split';
import { method, throttledProgress } from '../process/methodTypes';
import { enrichRun } from '../runs/enrichRun';
import { fitDatasetOf } from '../runs/fitDataset';
import { suggestTransforms } from '../runs/suggestTransforms';
import { assertFiniteInputs } from '../runs/finiteInputs';
import { resolveSteps } from '../analysis/columnSeries';
import { DatasetSpecSchema } from './datasetMethods';
import { backendInfo } from './backendInfo';
import type { TransformStep as ContractStep } from '../../shared/schemas/analysis';

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
function settingsForFit(
  settings: z.output<typeof FitSettings>,
  target: Float64Array,
  trainEnd: number,
): Partial<FitConfig> {
  const { transforms, ...rest } = settings;
  if (!transforms) return rest;
  return {
    ...rest,
    transforms: resolveSteps(
      target.subarray(0, Math.max(2, trainEnd)),
      transforms as ContractStep[],
    ),
  };
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

export function modelMethods(store: DatasetStore) {
  return {
    'model:defaults': method(
      z.object({ spec: DatasetSpecSchema, target: z.string() }),
      async ({ spec, target }): Promise<FitConfig & { transformNotes: string[] }> => {
        const dataset = await store.get(spec);
        const config = resolveFitConfig(
          dataset.table.rowCount,
          dataset.frequency.seasonalPeriod,
          { target },
          target,
        );
        const values = dataset.table.columns.find((c) => c.name === target)?.values;
        const suggested = values
          ? suggestTransforms(
              values.subarray(0, trainEndOf(config, values.length)),
              dataset.frequency.seasonalPeriod,
            )
          : { steps: [], reasons: [] };
        return { ...config, transforms: suggested.steps, transformNotes: suggested.reasons };
      },
    ),
    'model:fit': method(
      z.object({ spec: DatasetSpecSchema, settings: FitSettings, workDir: z.string() }),
      async ({ spec, settings, workDir }, ctx): Promise<RunResult> => {
        await backendInfo();
        const dataset = await store.get(spec);
        const fitData = fitDatasetOf(dataset);
        const targetName = settings.target ?? dataset.table.columns[0]?.name ?? '';
        const target = targetValues(fitData.columns, targetName, dataset.info.name);
        assertFiniteInputs(dataset, [targetName, ...(settings.features ?? [])]);
        const resolved = resolveFitConfig(
          target.length,
          fitData.seasonalPeriod,
          { ...settings, transforms: [] },
          targetName,
        );
        const valStart = trainEndOf(resolved, target.length);
        const runId = `run_${randomUUID().replace(/-/g, '')}`;
        const report = throttledProgress(ctx, 150);
        // No transforms chosen at all (the CLI without --transforms): use the suggested ones.
        const suggested =
          settings.transforms === undefined
            ? suggestTransforms(target.subarray(0, valStart), fitData.seasonalPeriod)
            : null;
        const chosen = suggested ? { ...settings, transforms: suggested.steps } : settings;
        const core = await runFit(
          fitData,
          { ...settingsForFit(chosen, target, valStart), target: targetName },
          {
            signal: ctx.signal,
            onBatch: (p) =>
              report({
                phase: 'train',
                fraction: null,
                message: `Epoch ${p.epoch}, batch ${p.batch}/${p.batches} · loss ${p.loss.toPrecision(4)} · ${Math.round(p.samplesPerSec)} samples/s`,
                detail: { kind: 'batch', ...p },
              }),
            onEpoch: (p) =>
              report(
                {
                  phase: 'train',
                  fraction: p.epoch / p.epochs,
                  message: `Epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toPrecision(4)}${p.valLoss === null ? '' : ` · val ${p.valLoss.toPrecision(4)}`} · ETA ${Math.round(p.etaSeconds)} s`,
                  detail: { kind: 'epoch', ...p },
                },
                true,
              ),
          },
          { saveDir: path.join(workDir, 'models', runId), id: runId },
        );
        ctx.progress({
          phase: 'evaluate',
          fraction: 1,
          message: 'Scoring baselines and intervals…',
        });
        const run = enrichRun(core, spec.datasetId, target, runId);
        return suggested
          ? { ...run, settingsNotes: suggested.reasons.map((r) => `Suggested transform — ${r}`) }
          : run;
      },
    ),
  };
}
