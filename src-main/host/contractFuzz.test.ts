// Contract fuzzing straight into the studio host, with a real engine process behind it: valid
// payloads against real state (a sample opened, tiny runs trained, a project saved), mutated
// (contractFuzz.testkit.ts). FUZZ_RUNS cases per channel (CI 300), FUZZ_HEAVY_RUNS for the channels that
// train (CI 60). Every answer must be a typed Result, never `internal`, `engine-crashed` or
// `timeout` (bar the exact knownFindings); each channel that has an engine method must reach it in
// at least 10% of its cases (requiredReach); the engine must be the same process throughout. The
// per-channel figures are printed at the end.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  channelFuzzTests,
  figuresTable,
  fuzzUnknownChannels,
  type ChannelFigures,
  type FuzzTransport,
  type FuzzWorld,
} from './contractFuzz.testkit';
import { createFuzzHost } from './testing/fuzzHost';
import { sourcePaths } from './testing/sourceEngine';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const heavyRuns = Number(process.env.FUZZ_HEAVY_RUNS ?? Math.max(30, Math.round(runs / 5)));
const test = createFuzzHost();
const transport: FuzzTransport = { name: 'host', call: (c, p) => test.host.handle(c, p) };
const figures: ChannelFigures[] = [];
let world: FuzzWorld;
let enginePid: number | undefined;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'contract-fuzz-'));
  world = await buildWorld(transport, dir, path.join(sourcePaths().resourcesDir, 'datasets'));
  enginePid = test.engine.pid;
}, 120_000);
afterAll(async () => {
  console.log(`Contract fuzz through the host:\n${figuresTable(figures)}`);
  await test.dispose();
  if (world) rmSync(world.dir, { recursive: true, force: true });
});

describe(`contract fuzzing through the host (${runs} cases per channel, ${heavyRuns} for training channels)`, () => {
  channelFuzzTests(() => ({ transport, traffic: test.traffic, world }), runs, heavyRuns, figures);

  it('unknown channels are refused with unknown-channel', async () => {
    await fuzzUnknownChannels(transport, runs);
  });

  it('the engine process is the one it started with: one launch, no exit, no crash status', () => {
    expect(test.traffic.launches).toBe(1);
    expect(test.traffic.exits).toEqual([]);
    expect(test.engine.pid).toBe(enginePid);
    expect(test.traffic.pids).toEqual([enginePid]);
    const statuses = test.events
      .filter((e) => e.event === 'engine:status')
      .map((e) => (e.payload as { state: string }).state);
    expect(statuses.filter((s) => s === 'crashed' || s === 'restarting')).toEqual([]);
  });
});
