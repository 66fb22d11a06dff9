// Types the engine works with that also cross the host↔engine boundary: written once here as zod
// schemas, parsed by the engine's dispatch (shared/engineMethods.ts) and used engine-side as
// `z.infer`, instead of hand-kept copies in the engine and the host.
import { z } from 'zod';
import { FileSource } from './common';
import { ImportChoices, ParseOptions } from './dataset';
import { FitSettings, forecastingKeys } from './model';
import { TransformStep } from './analysis';

/**
 * What the engine needs to (re)build a dataset; sent with every dataset-bound engine call, so a
 * restarted engine rebuilds what it needs (the host keeps these, engine/datasets opens them).
 */
export const DatasetSpec = z.object({
  datasetId: z.string(),
  source: FileSource,
  path: z.string(),
  name: z.string(),
  options: ParseOptions.nullable(),
  choices: ImportChoices,
});
export type DatasetSpec = z.infer<typeof DatasetSpec>;

/**
 * A transform step as the engine applies it: like the contract's step, but a Box-Cox λ is always
 * a number ("estimate λ", null in a request, is resolved on the training part first).
 */
const [logStep, boxcoxStep, diffStep, seasonalDiffStep] = TransformStep.options;
export const ResolvedTransformStep = z.discriminatedUnion('kind', [
  logStep,
  boxcoxStep.extend({ lambda: z.number().min(-10).max(10) }),
  diffStep,
  seasonalDiffStep,
]);
export type ResolvedTransformStep = z.infer<typeof ResolvedTransformStep>;

/**
 * Every setting of one fit, resolved (engine/model/fitConfig.ts fills the defaults): the contract's
 * FitSettings with nothing left out and every transform resolved.
 */
export const FitConfig = FitSettings.required()
  // Runs recorded before the forecasting pipeline lack its keys; resolveFitConfig fills them.
  .partial(forecastingKeys)
  .extend({
    transforms: z.array(ResolvedTransformStep).max(4),
  });
export type FitConfig = z.infer<typeof FitConfig>;
