import { describe, expect, it } from 'vitest';
import { emptyLiveTraining, foldProgress, formatDuration } from './liveTraining';

describe('foldProgress', () => {
  it('adds one point per epoch and keeps the latest throughput and ETA', () => {
    let live = emptyLiveTraining(10);
    live = foldProgress(live, {
      kind: 'batch',
      epoch: 0,
      batch: 2,
      batches: 4,
      loss: 0.5,
      samplesPerSec: 800,
      etaSeconds: 12,
    });
    expect(live.epochs).toEqual([]);
    expect(live.batch).toBe(2);
    expect(live.samplesPerSec).toBe(800);
    live = foldProgress(live, {
      kind: 'epoch',
      epoch: 0,
      epochs: 10,
      loss: 0.4,
      valLoss: 0.6,
      seconds: 1,
      samplesPerSec: 900,
      etaSeconds: 9,
      bestEpoch: 0,
    });
    live = foldProgress(live, {
      kind: 'epoch',
      epoch: 1,
      epochs: 10,
      loss: 0.3,
      valLoss: null,
      seconds: 1,
      samplesPerSec: 950,
      etaSeconds: 8,
      bestEpoch: 0,
    });
    expect(live.epochs).toEqual([
      { epoch: 0, loss: 0.4, valLoss: 0.6 },
      { epoch: 1, loss: 0.3, valLoss: null },
    ]);
    expect(live.etaSeconds).toBe(8);
    expect(live.samplesPerSec).toBe(950);
    expect(live.bestEpoch).toBe(0);
  });

  it('replaces a repeated epoch and ignores unknown details', () => {
    let live = emptyLiveTraining(null);
    const epoch = {
      kind: 'epoch' as const,
      epoch: 3,
      epochs: 5,
      loss: 1,
      valLoss: 2,
      seconds: 1,
      samplesPerSec: null,
      etaSeconds: null,
      bestEpoch: 3,
    };
    live = foldProgress(live, epoch);
    live = foldProgress(live, { ...epoch, loss: 0.5 });
    expect(live.epochs).toEqual([{ epoch: 3, loss: 0.5, valLoss: 2 }]);
    expect(live.epochsTotal).toBe(5);
    expect(foldProgress(live, { kind: 'import', bytesRead: 10, totalBytes: 20, rows: 3 })).toBe(
      live,
    );
    expect(foldProgress(live, undefined)).toBe(live);
  });
});

describe('formatDuration', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    // 65 s = 1 min 5 s
    expect(formatDuration(65)).toBe('1 min 05 s');
    // 3725 s = 1 h 2 min 5 s
    expect(formatDuration(3725)).toBe('1 h 02 min');
    expect(formatDuration(null)).toBe('—');
  });
});
