// Host answers for the state classes' tests, each checked against the contract's own response
// schema, so a test can only script what the host could really send.
import { contract, type ResponseOf } from '../../../src-main/shared/contract';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import { fitConfigFixture } from '../../../src-main/shared/testing/fitConfig.testkit';
import { parseOptionsFixture } from '../../../src-main/shared/testing/parseOptions.testkit';

/** AirPassengers.csv as `datasets:open` describes it (144 monthly rows, one numeric column). */
export function airPassengersInfo(overrides: Partial<DatasetInfo> = {}): DatasetInfo {
  return contract['datasets:open'].response.parse({
    datasetId: 'ds_a1a1a1a1',
    name: 'AirPassengers.csv',
    source: { kind: 'sample', name: 'AirPassengers.csv' },
    rows: 144,
    timeColumn: 'date',
    timeFormat: 'year-month',
    frequency: 'monthly',
    seasonalPeriod: 12,
    frequencyExplanation: 'Monthly: consecutive dates are one month apart.',
    firstTime: Date.UTC(1949, 0, 1),
    lastTime: Date.UTC(1960, 11, 1),
    columns: [
      {
        name: 'AirPassengers',
        count: 144,
        missing: 0,
        mean: 280.2986111111111,
        std: 119.96631694294321,
        min: 104,
        q25: 180,
        median: 265.5,
        q75: 360.5,
        max: 622,
        firstTime: Date.UTC(1949, 0, 1),
        lastTime: Date.UTC(1960, 11, 1),
      },
    ],
    textColumns: [],
    problems: [],
    appliedChoices: [],
    warnings: [],
    options: parseOptionsFixture({ timeColumn: 'date', timeFormat: 'year-month' }),
    choices: {},
    ...overrides,
  });
}

/** A two-column dataset (Canada's employment and productivity), no seasonal period. */
export function twoColumnInfo(overrides: Partial<DatasetInfo> = {}): DatasetInfo {
  const air = airPassengersInfo();
  const column = air.columns[0];
  if (!column) throw new Error('fixture without a column');
  return airPassengersInfo({
    datasetId: 'ds_c2c2c2c2',
    name: 'Canada.csv',
    source: { kind: 'sample', name: 'Canada.csv' },
    rows: 84,
    frequency: 'quarterly',
    seasonalPeriod: 1,
    columns: [
      { ...column, name: 'e', count: 84 },
      { ...column, name: 'prod', count: 84 },
    ],
    ...overrides,
  });
}

/** What `model:defaults` proposes for a monthly series of 144 rows (the engine's defaults). */
export function monthlyDefaults(
  target: string,
  overrides: Partial<ResponseOf<'model:defaults'>> = {},
): ResponseOf<'model:defaults'> {
  return contract['model:defaults'].response.parse({
    ...fitConfigFixture({
      target,
      lookback: 24,
      testSize: null,
      units: 50,
      epochs: 100,
      patience: 10,
      seed: 42,
    }),
    normalisation: 'auto',
    seasonality: 'auto',
    pretrained: 'auto',
    adaptation: 'fine-tune',
    ensemble: 1,
    refitAll: false,
    combination: 'none',
    transformNotes: [],
    ...overrides,
  });
}
