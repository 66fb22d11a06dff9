// Model flags shared by `fit`, `backtest` and `search`; validated by the contract's FitSettings
// (--missing, an import choice rather than a model setting, by the contract's MissingChoice).
import { parseUnknown } from '../shared/parseUnknown';
import { FitSettings } from '../shared/schemas/model';
import { assertKnown, numberOption, parseArgs, stringOption, type ParsedArgs } from './args';

export const fitFlagNames = [
  'target',
  'features',
  'lookback',
  'horizon',
  'cell',
  'layers',
  'units',
  'dropout',
  'recurrent-dropout',
  'epochs',
  'batch',
  'lr',
  'optimizer',
  'loss',
  'scaler',
  'test-size',
  'test-fraction',
  'val-fraction',
  'patience',
  'seed',
  'backend',
  'ensemble',
  'seasonality',
  'normalisation',
  'pretrained',
  'adaptation',
  'missing',
] as const;

export function fitSettingsFromArgs(args: ParsedArgs): FitSettings {
  const raw: Record<string, unknown> = {
    target: stringOption(args, 'target'),
    features: stringOption(args, 'features')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    lookback: numberOption(args, 'lookback'),
    horizon: numberOption(args, 'horizon'),
    cell: stringOption(args, 'cell'),
    layers: numberOption(args, 'layers'),
    units: numberOption(args, 'units'),
    dropout: numberOption(args, 'dropout'),
    recurrentDropout: numberOption(args, 'recurrent-dropout'),
    epochs: numberOption(args, 'epochs'),
    batchSize: numberOption(args, 'batch'),
    learningRate: numberOption(args, 'lr'),
    optimizer: stringOption(args, 'optimizer'),
    loss: stringOption(args, 'loss'),
    scaler: stringOption(args, 'scaler'),
    testSize: numberOption(args, 'test-size'),
    testFraction: numberOption(args, 'test-fraction'),
    valFraction: numberOption(args, 'val-fraction'),
    patience: numberOption(args, 'patience'),
    seed: numberOption(args, 'seed'),
    backend: stringOption(args, 'backend'),
    ensemble: numberOption(args, 'ensemble'),
    seasonality: stringOption(args, 'seasonality'),
    normalisation: stringOption(args, 'normalisation'),
    pretrained: stringOption(args, 'pretrained'),
    adaptation: stringOption(args, 'adaptation'),
  };
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  return parseUnknown(FitSettings, defined, 'model flags');
}

/**
 * The words of a command that trains (`fit`, `backtest`, `search`): only `flags`, --out and --quiet
 * allowed; the CSV (first positional) and --out, either possibly missing.
 */
export function trainingCommandArgs(
  argv: string[],
  flags: readonly string[],
): { args: ParsedArgs; file: string | undefined; out: string | undefined } {
  const args = parseArgs(argv, new Set(['quiet']));
  assertKnown(args, [...flags, 'out', 'quiet']);
  return { args, file: args.positional[0], out: stringOption(args, 'out') };
}
