// Folds the `job:progress` details of a fit into what the live training view draws: one point per
// finished epoch, plus the running batch, throughput and ETA.
import type { EpochPoint } from '../../../src-main/shared/charts/trainingCurvesOption';
import type { ProgressDetail } from '../../../src-main/shared/schemas/progress';

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

/**
 * Returns the next state. The detail is typed per job kind (shared/schemas/progress.ts): batches
 * and epochs update it, anything else (an import's bytes, no detail) leaves it unchanged.
 */
export function foldProgress(live: LiveTraining, detail: ProgressDetail | undefined): LiveTraining {
  if (detail?.kind === 'batch') {
    return {
      ...live,
      epoch: detail.epoch,
      batch: detail.batch,
      batches: detail.batches,
      batchLoss: detail.loss,
      samplesPerSec: detail.samplesPerSec ?? live.samplesPerSec,
      etaSeconds: detail.etaSeconds ?? live.etaSeconds,
    };
  }
  if (detail?.kind !== 'epoch') return live;
  const { epoch } = detail;
  const point: EpochPoint = { epoch, loss: detail.loss ?? Number.NaN, valLoss: detail.valLoss };
  // An epoch reported twice (a repeated event) replaces its point instead of adding one.
  const epochs = [...live.epochs.filter((e) => e.epoch !== epoch), point].sort(
    (a, b) => a.epoch - b.epoch,
  );
  return {
    ...live,
    epochs,
    epoch,
    epochsTotal: detail.epochs,
    samplesPerSec: detail.samplesPerSec ?? live.samplesPerSec,
    etaSeconds: detail.etaSeconds ?? live.etaSeconds,
    bestEpoch: detail.bestEpoch,
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
