// Folds the `job:progress` details of a fit into what the live training view draws: one point per
// finished epoch, plus the running batch, throughput and ETA.
import type { EpochPoint } from '../../../src-main/shared/charts/trainingCurvesOption';

export interface LiveTraining {
  epochs: EpochPoint[];
  /** Epochs planned (the fit may stop earlier). */
  epochsTotal: number | null;
  /** 0-based epoch running now. */
  epoch: number;
  batch: number | null;
  batches: number | null;
  batchLoss: number | null;
  samplesPerSec: number | null;
  etaSeconds: number | null;
  bestEpoch: number | null;
}

export function emptyLiveTraining(epochsTotal: number | null): LiveTraining {
  return {
    epochs: [],
    epochsTotal,
    epoch: 0,
    batch: null,
    batches: null,
    batchLoss: null,
    samplesPerSec: null,
    etaSeconds: null,
    bestEpoch: null,
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Returns the next state; details that are neither a batch nor an epoch leave it unchanged. */
export function foldProgress(live: LiveTraining, detail: unknown): LiveTraining {
  if (typeof detail !== 'object' || detail === null) return live;
  const d = detail as Record<string, unknown>;
  const epoch = num(d.epoch);
  if (epoch === null) return live;
  if (d.kind === 'batch') {
    return {
      ...live,
      epoch,
      batch: num(d.batch),
      batches: num(d.batches),
      batchLoss: num(d.loss),
      samplesPerSec: num(d.samplesPerSec) ?? live.samplesPerSec,
      etaSeconds: num(d.etaSeconds) ?? live.etaSeconds,
    };
  }
  if (d.kind !== 'epoch') return live;
  const loss = num(d.loss);
  const point: EpochPoint = { epoch, loss: loss ?? Number.NaN, valLoss: num(d.valLoss) };
  // An epoch reported twice (a repeated event) replaces its point instead of adding one.
  const epochs = [...live.epochs.filter((e) => e.epoch !== epoch), point].sort(
    (a, b) => a.epoch - b.epoch,
  );
  return {
    ...live,
    epochs,
    epoch,
    epochsTotal: num(d.epochs) ?? live.epochsTotal,
    samplesPerSec: num(d.samplesPerSec) ?? live.samplesPerSec,
    etaSeconds: num(d.etaSeconds) ?? live.etaSeconds,
    bestEpoch: d.bestEpoch === null ? null : (num(d.bestEpoch) ?? live.bestEpoch),
  };
}

/** "1 min 05 s", "42 s": ETAs read better in words than as raw seconds. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
