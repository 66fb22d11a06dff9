// Members trained in real worker threads (memberWorkerMain.ts from the sources, through tsx) against
// the same members trained one after another on this thread: the same numbers bit for bit, no
// member lost when a worker dies, starts badly or talks nonsense, and a cancel that stops both
// threads, politely or by termination.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airPassengers } from '../model/airPassengersFit.testkit';
import {
  engineRuntime,
  withoutHelperThread,
  type TrainingRuntime,
} from '../kernels/trainingRuntime';
import { memberWorkerBeside } from '../process/memberWorkerEntry';
import { engineMemberPool, memberWorkerSetup } from './engineMemberPool';
import { MAX_FAILURES, MemberPool, type MemberPoolOptions } from './memberPool';
import { forecastSeries, type ForecasterOutput, type ForecasterSettings } from './seriesForecaster';

const source = memberWorkerBeside(new URL('../process/engineMain.ts', import.meta.url).href);
const series = airPassengers;
const split = { n: 144, valStart: 108, testStart: 120 };
const perSeries: ForecasterSettings = {
  seasonality: 'auto',
  normalisation: 'auto',
  pretrained: 'none',
  adaptation: 'fine-tune',
  ensemble: 4,
  refitAll: true,
  lookback: null,
  cell: 'lstm',
  layers: 1,
  units: 6,
  learningRate: 1e-3,
  loss: 'mae',
  epochs: 4,
  batchSize: 16,
  patience: 10,
  seed: 7,
};

let runtime: TrainingRuntime;
const scratch = mkdtempSync(path.join(tmpdir(), 'ss-member-pool-'));
const pools: MemberPool[] = [];
beforeAll(async () => {
  await tf.setBackend('cpu');
  // Serial and parallel runs must use the same kernels: the engine's, without the helper thread.
  runtime = withoutHelperThread(await engineRuntime());
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(scratch, { recursive: true, force: true });
});

function pool(options: Partial<MemberPoolOptions> = {}): MemberPool {
  const p = new MemberPool({
    entry: source,
    setup: memberWorkerSetup(runtime),
    workers: 1,
    ...options,
  });
  pools.push(p);
  return p;
}

const run = (
  settings: ForecasterSettings,
  members: MemberPool | null,
  signal?: AbortSignal,
): Promise<ForecasterOutput> =>
  forecastSeries(series, 12, 3, split, settings, signal ? { signal } : {}, { runtime, members });

/** Everything a member contributes to the run, without the timings. */
function numbers(out: ForecasterOutput): unknown {
  return {
    members: out.members,
    test: Array.from(out.test.predicted),
    validation: Array.from(out.validation?.predicted ?? []),
    forecast: Array.from(out.forecast),
    spread: out.spread,
    epochs: out.training.epochs.map((e) => [e.epoch, e.loss, e.valLoss]),
  };
}

let serial: ForecasterOutput;
beforeAll(async () => {
  serial = await run(perSeries, null);
});

describe('member pool', () => {
  it('a worker trains members to the same numbers, bit for bit, as this thread', async () => {
    const dispatched: number[] = [];
    const withDispatch = pool({ onDispatch: (index) => dispatched.push(index) });
    await withDispatch.whenReady();
    const tensors = tf.memory().numTensors;
    const parallel = await run(perSeries, withDispatch);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(numbers(parallel)).toEqual(numbers(serial));
    // Member 0 is this thread's; a ready worker takes member 1 at once, then whatever is next.
    expect(dispatched[0]).toBe(1);
    expect(parallel.memberThreads).toEqual({
      threads: 2,
      onWorkers: dispatched.length,
      note: `4 members trained in parallel on 2 threads (${dispatched.length} on a second thread)`,
    });
    expect(serial.memberThreads?.note).toBe(
      '4 members trained one after another (parallel training off)',
    );
  });

  it('pretrained members (their start weights sent to the worker) match too', async () => {
    const pretrained: ForecasterSettings = {
      ...perSeries,
      pretrained: 'auto',
      units: 32,
      ensemble: 3,
      epochs: 3,
    };
    const p = pool();
    await p.whenReady();
    const parallel = await run(pretrained, p);
    const alone = await run(pretrained, null);
    expect(parallel.adaptation).toBe('fine-tune');
    expect(parallel.members.map((m) => m.init)).toEqual(['pretrained', 'pretrained', 'pretrained']);
    expect(parallel.memberThreads?.threads).toBe(2);
    expect(numbers(parallel)).toEqual(numbers(alone));
  });

  it('a worker killed mid-member loses nothing: its member is retrained here, and the next run has a new worker', async () => {
    let killed = false;
    const p: MemberPool = pool({
      onDispatch: (_index, workerId) => {
        if (killed) return;
        killed = true;
        void p.terminateWorker(workerId);
      },
    });
    await p.whenReady();
    const out = await run(perSeries, p);
    expect(numbers(out)).toEqual(numbers(serial));
    expect(out.memberThreads?.threads).toBe(1);
    expect(out.memberThreads?.note).toBe(
      '4 members trained one after another; a second thread failed (it stopped (exit code 1)); its member was retrained on the main thread',
    );
    expect(p.alive).toBe(0);
    // A replacement starts with the next run.
    p.warm();
    expect(await p.whenReady()).toBe(1);
    const again = await run(perSeries, p);
    expect(numbers(again)).toEqual(numbers(serial));
    expect(again.memberThreads?.threads).toBe(2);
  });

  it('a worker that cannot start costs nothing; after three tries the pool says why and stops trying', async () => {
    const p = pool({ entry: { file: path.join(scratch, 'missing.js'), typescript: false } });
    for (let i = 0; i < MAX_FAILURES; i++) {
      p.warm();
      expect(await p.whenReady()).toBe(0);
    }
    expect(p.disabled).toMatch(
      /^second threads failed 3 times \(last: it did not start: Cannot find module '.*missing\.js'/,
    );
    const out = await run(perSeries, p);
    expect(numbers(out)).toEqual(numbers(serial));
    expect(out.memberThreads?.note).toBe(
      `4 members trained one after another (${p.disabled ?? ''})`,
    );
  });

  it('a worker that answers with anything but an outcome is dropped and its member retrained here', async () => {
    const liar = path.join(scratch, 'liar.mjs');
    writeFileSync(
      liar,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => { if (m.type === 'run') parentPort.postMessage({ type: 'done', jobId: m.jobId, outcome: { index: 1, forecast: 'lots' } }); });
parentPort.postMessage({ type: 'ready', detail: 'a liar' });`,
    );
    const p = pool({ entry: { file: liar, typescript: false } });
    await p.whenReady();
    const out = await run(perSeries, p);
    expect(numbers(out)).toEqual(numbers(serial));
    expect(out.memberThreads?.note).toBe(
      '4 members trained one after another; a second thread failed (it sent a message the engine does not understand); its member was retrained on the main thread',
    );
  });

  it('cancel stops the member on each thread politely, and the worker stays for the next run', async () => {
    const controller = new AbortController();
    const p = pool({ onDispatch: () => controller.abort() });
    await p.whenReady();
    const out = await run({ ...perSeries, epochs: 200 }, p, controller.signal);
    expect(out.members.map((m) => [m.index, m.stoppedReason])).toEqual([
      [0, 'cancelled'],
      [1, 'cancelled'],
    ]);
    expect(out.training.stoppedReason).toBe('cancelled');
    expect(p.alive).toBe(1);
    const again = await run(perSeries, p);
    expect(numbers(again)).toEqual(numbers(serial));
  });

  it("a cancel stops only its own run's members, not another run's on the same worker", async () => {
    const p = pool();
    await p.whenReady();
    // B starts first and hands member 1 to the worker; A, started beside it, finds the worker
    // busy and is cancelled at once.
    const b = run(perSeries, p);
    await new Promise((r) => setImmediate(r));
    const controller = new AbortController();
    const a = run({ ...perSeries, epochs: 200 }, p, controller.signal);
    controller.abort();
    const [outA, outB] = await Promise.all([a, b]);
    expect(outA.members.map((m) => [m.index, m.stoppedReason])).toEqual([[0, 'cancelled']]);
    expect(numbers(outB)).toEqual(numbers(serial));
    expect(outB.memberThreads?.threads).toBe(2);
  });

  it('a worker still busy after the grace period is terminated, and replaced at the next run', async () => {
    const controller = new AbortController();
    const p = pool({ cancelGraceMs: 0, onDispatch: () => controller.abort() });
    await p.whenReady();
    const out = await run({ ...perSeries, epochs: 200 }, p, controller.signal);
    // The worker's member was stopped by force: only this thread's member is in the run.
    expect(out.members.map((m) => [m.index, m.stoppedReason])).toEqual([[0, 'cancelled']]);
    expect(p.alive).toBe(0);
    expect(p.disabled).toBeNull();
    p.warm();
    expect(await p.whenReady()).toBe(1);
  });
});

describe('the engine process pool', () => {
  it('workers load what this thread runs; tfjs-node engines get WebAssembly workers', () => {
    const fused = runtime.fused;
    expect(memberWorkerSetup(runtime, 'cpu', { SERIES_STUDIO_KERNELS_DIR: '/k' })).toEqual({
      backend: 'cpu',
      kernels: { variant: fused?.kernels.variant, wasmPath: path.join('/k', 'rnn.wasm') },
    });
    expect(memberWorkerSetup(runtime, 'tensorflow', {})).toEqual({
      backend: 'wasm',
      kernels: { variant: fused?.kernels.variant, wasmPath: null },
    });
  });

  it('there is none where the engine entry did not configure one', () => {
    expect(engineMemberPool(runtime)).toBeNull();
  });
});
