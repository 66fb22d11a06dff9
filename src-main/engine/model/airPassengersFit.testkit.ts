// AirPassengers (monthly, 1949–1960, 144 values) as the fit tests' dataset, and their shared set-up:
// tfjs on its cpu backend and a scratch folder removed after the file's tests.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { readSimpleCsv } from '../testing/sharedData';
import type { FitDataset } from './runFit';

export const airPassengers = Float64Array.from(
  readSimpleCsv('AirPassengers.csv')['AirPassengers'] ?? [],
);

/** The series as a fit dataset: first of the month in epoch ms, one column named `column`. */
export function airPassengersFit(
  values: Float64Array = airPassengers,
  column = 'AirPassengers',
  timeFormat = 'epoch-ms',
): FitDataset {
  return {
    name: 'AirPassengers',
    time: Float64Array.from(values, (_, i) => Date.UTC(1949, i, 1)),
    timeFormat,
    columns: { [column]: values },
    seasonalPeriod: 12,
  };
}

/** Registers the cpu backend before the file's tests and returns a scratch folder removed after them. */
export function cpuBackendAndScratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
