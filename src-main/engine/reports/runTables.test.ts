// The report's "Backend and timings" table for an ensemble: how its members were trained, and
// training times that say they cover every member while the epoch figures are the first one's.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/schemas/model';
import { fullReportInput } from './reportFixture.testkit';
import { backendHtml } from './runTables';

const single = fullReportInput().runs?.[0]?.run as RunResult;
const member = (index: number) => ({
  index,
  seed: 42 + index,
  lookback: 24,
  init: 'pretrained' as const,
  adaptation: 'fine-tune' as const,
  bestEpoch: 3,
  epochsRun: 5,
  stoppedReason: 'early-stopping' as const,
  refitEpochs: 4,
  forecast: [200, 205],
});
const preprocessing = {
  rows: 34,
  seasonality: {
    mode: 'none' as const,
    period: 12,
    figure: [],
    rm: null,
    threshold: null,
    reason: '',
  },
  normalisation: { kind: 'ratio' as const, scale: 1, reason: '' },
};

function ensemble(
  memberThreads?: NonNullable<RunResult['forecaster']>['memberThreads'],
): RunResult {
  return {
    ...single,
    forecaster: {
      frequencyClass: 'monthly',
      pretrained: { used: true, frequencyClass: 'monthly', source: null, note: '' },
      adaptation: 'fine-tune',
      adaptationNote: '',
      lookback: 24,
      lookbackNote: '',
      preprocessing,
      refitPreprocessing: null,
      members: [0, 1, 2, 3, 4].map(member),
      combine: 'median',
      spread: { min: [190, 195], max: [210, 215] },
      windows: { train: 30, val: 4, test: 10 },
      ...(memberThreads ? { memberThreads } : {}),
      notes: [],
      combination: null,
    },
  };
}

/** The table's rows as [header, cell] text pairs. */
function rows(html: string): [string, string][] {
  return [...html.matchAll(/<th scope="row">(.*?)<\/th><td>(.*?)<\/td>/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
}

describe('backendHtml', () => {
  it('says how an ensemble trained, and that its training time covers every member', () => {
    const table = rows(
      backendHtml(
        ensemble({
          threads: 2,
          onWorkers: 2,
          note: '5 members trained in parallel on 2 threads (2 on a second thread)',
        }),
      ),
    );
    expect(table).toContainEqual([
      'Ensemble training',
      '5 members trained in parallel on 2 threads (2 on a second thread)',
    ]);
    // The fixture's timings: 2.5 s of training, five epochs of 0.5 s for the first member.
    expect(table).toContainEqual([
      'Training time',
      '2.5 s for 5 members (the first: 5 epochs, 500 ms per epoch)',
    ]);
    expect(table).toContainEqual(['Stopped (first member)', 'completed']);
    expect(table).toContainEqual(['Weights kept (first member)', 'epoch 4']);
  });

  it('leaves the row out for single models and runs recorded before member threads', () => {
    const before = rows(backendHtml(ensemble()));
    expect(before.map(([h]) => h)).not.toContain('Ensemble training');
    const one = rows(backendHtml(single));
    expect(one.map(([h]) => h)).not.toContain('Ensemble training');
    expect(one).toContainEqual(['Training time', '2.5 s over 5 epochs (500 ms per epoch)']);
    expect(one).toContainEqual(['Weights kept', 'epoch 4']);
  });
});
