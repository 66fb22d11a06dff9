// Property: whatever arrives on a channel, the host answers with a Result envelope — a typed error
// for invalid input — and never throws; the engine stays up. Shared by the CI test (1,000 cases per
// channel) and `npm run fuzz` (10,000).
import fc from 'fast-check';
import { channelNames, type ChannelName } from '../shared/channelNames';
import { errorCodes } from '../shared/result';
import type { StudioHost } from './studioHost';

/** A valid request per channel, the seed that mutations start from. */
export const validExamples: Record<ChannelName, Record<string, unknown>> = {
  'app:info': {},
  'datasets:samples': {},
  'datasets:sniff': { source: { kind: 'sample', name: 'Nile.csv' } },
  'datasets:open': { jobId: 'job_fuzz_1', source: { kind: 'sample', name: 'Nile.csv' } },
  'datasets:series': { datasetId: 'ds_0123456789abcdef', columns: ['Nile'], maxPoints: 100 },
  'analysis:diagnostics': { datasetId: 'ds_0123456789abcdef', column: 'Nile' },
  'analysis:stl': { datasetId: 'ds_0123456789abcdef', column: 'Nile', period: 12 },
  'analysis:transform': {
    datasetId: 'ds_0123456789abcdef',
    column: 'Nile',
    transforms: [{ kind: 'diff' }],
  },
  'model:defaults': { datasetId: 'ds_0123456789abcdef', target: 'Nile' },
  'model:fit': { jobId: 'job_fuzz_2', datasetId: 'ds_0123456789abcdef', settings: { epochs: 1 } },
  'runs:list': {},
  'runs:get': { runId: 'run_0123456789' },
  'runs:delete': { runId: 'run_0123456789' },
  'runs:residuals': { runId: 'run_0123456789' },
  'runs:compare': { runA: 'run_0123456789', runB: 'run_0123456789' },
  'runs:sensitivity': { jobId: 'job_fuzz_3', runId: 'run_0123456789', method: 'occlusion' },
  'runs:export': { format: 'csv' },
  'search:run': {
    jobId: 'job_fuzz_4',
    datasetId: 'ds_0123456789abcdef',
    base: {},
    mode: 'random',
    grid: {},
    budget: 1,
  },
  'backtest:run': {
    jobId: 'job_fuzz_5',
    datasetId: 'ds_0123456789abcdef',
    settings: {},
    folds: 2,
    horizon: 3,
  },
  'project:save': { path: null, title: 'fuzz', explore: {} },
  'project:open': { jobId: 'job_fuzz_6', path: null },
  'project:recovery': {},
  'report:export': {
    jobId: 'job_fuzz_7',
    title: 't',
    datasetId: null,
    column: null,
    runIds: [],
    sections: [],
    format: 'html',
    path: null,
  },
  'jobs:cancel': { jobId: 'job_fuzz_1' },
  'dialog:openCsv': {},
  'uploads:create': { name: 'x.csv', text: 'a,b\n1,2\n' },
};

/** Mutations of a valid payload: drop a key, replace a value, add a key, or something else entirely. */
export function payloadArbitrary(channel: ChannelName): fc.Arbitrary<unknown> {
  const valid = validExamples[channel];
  const keys = Object.keys(valid);
  const mutated = fc
    .record({
      key: keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x'),
      value: fc.anything(),
      mode: fc.constantFrom('drop', 'replace', 'add'),
      extra: fc.string({ maxLength: 12 }),
    })
    .map(({ key, value, mode, extra }) => {
      const copy: Record<string, unknown> = { ...valid };
      if (mode === 'drop') delete copy[key];
      else if (mode === 'replace') copy[key] = value;
      else copy[extra] = value;
      return copy;
    });
  return fc.oneof(fc.anything(), mutated, fc.constant(valid));
}

export async function fuzzChannel(
  host: StudioHost,
  channel: ChannelName,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(payloadArbitrary(channel), async (payload) => {
      const result = await host.handle(channel, payload);
      if (result.ok) return true;
      return (
        (errorCodes as readonly string[]).includes(result.error.code) &&
        result.error.message.length > 0
      );
    }),
    { numRuns },
  );
}

export async function fuzzUnknownChannels(host: StudioHost, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.anything(), fc.anything(), async (channel, payload) => {
      const result = await host.handle(channel, payload);
      return (
        (channelNames as readonly unknown[]).includes(channel) ||
        (!result.ok && result.error.code === 'unknown-channel')
      );
    }),
    { numRuns },
  );
}
