// Contract fuzzing through the browser-mode server: the same valid-then-mutated payloads as the host
// suite (host/contractFuzz.testkit.ts), sent as a page would — JSON call frames over the WebSocket to the
// real server, host and engine process. WS_FUZZ_RUNS cases per channel (CI 150), WS_FUZZ_HEAVY_RUNS
// for the channels that train (CI 30). The same rules as the host suite: typed Results only, each
// channel with an engine method reaches it in at least 10% of its cases, one engine process
// throughout. The figures are printed at the end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  buildWorld,
  channelFuzzTests,
  figuresTable,
  fuzzUnknownChannels,
  type ChannelFigures,
  type FuzzTransport,
  type FuzzWorld,
} from '../host/contractFuzz.testkit';
import { EngineTraffic } from '../host/testing/engineTraffic';
import { sourcePaths } from '../host/testing/sourceEngine';
import type { Result } from '../shared/result';
import { startStudioServer, type StudioServer } from './studioServer';

const runs = Number(
  process.env.WS_FUZZ_RUNS ?? Math.round(Number(process.env.FUZZ_RUNS ?? 300) / 2),
);
const heavyRuns = Number(process.env.WS_FUZZ_HEAVY_RUNS ?? Math.max(15, Math.round(runs / 5)));
const traffic = new EngineTraffic();
const figures: ChannelFigures[] = [];
const statuses: string[] = [];
let server: StudioServer;
let ws: WebSocket;
let world: FuzzWorld;
let enginePid: number | undefined;

/** Calls over one WebSocket, matched to answers by id; a protocol error answers the oldest call. */
function wsTransport(socket: WebSocket): FuzzTransport {
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as
      | { type: 'result'; id: number; result: Result<unknown> }
      | { type: 'event'; event: string; payload: { state?: string } }
      | { type: 'error'; message: string };
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'event' && message.event === 'engine:status') {
      statuses.push(String(message.payload.state));
    } else if (message.type === 'error') {
      const [id, resolve] = [...pending][0] ?? [];
      if (id === undefined || !resolve) return;
      pending.delete(id);
      resolve({
        ok: false,
        error: { code: 'invalid-request', message: `protocol: ${message.message}` },
      });
    }
  });
  return {
    name: 'websocket',
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        // JSON is what a page can send: NaN and Infinity become null, undefined disappears.
        socket.send(
          JSON.stringify({ type: 'call', id, channel, payload }, (_k, v: unknown) =>
            typeof v === 'bigint' ? v.toString() : v,
          ),
        );
      }),
  };
}

let transport: FuzzTransport;

let rendererDir = '';
let dataDir = '';

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'data-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startStudioServer(
    { ...sourcePaths(), rendererDir },
    {
      dataDir,
      wrapLauncher: (launch) => traffic.wrap(launch),
    },
  );
  ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
    origin: `http://127.0.0.1:${server.port}`,
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  transport = wsTransport(ws);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ws-contract-fuzz-'));
  world = await buildWorld(transport, dir, path.join(sourcePaths().resourcesDir, 'datasets'));
  enginePid = server.engine.pid;
}, 120_000);
afterAll(async () => {
  console.log(`Contract fuzz through the WebSocket server:\n${figuresTable(figures)}`);
  ws.close();
  await server.close();
  for (const dir of [world?.dir, rendererDir, dataDir])
    if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`contract fuzzing through the WebSocket server (${runs} cases per channel, ${heavyRuns} for training channels)`, () => {
  channelFuzzTests(() => ({ transport, traffic, world }), runs, heavyRuns, figures);

  it('unknown channels are refused (unknown-channel, or a protocol error for a non-string name)', async () => {
    await fuzzUnknownChannels(
      {
        name: 'websocket',
        call: async (channel, payload) => {
          const result = await transport.call(channel, payload);
          // The frame format requires a string channel; anything else is a malformed frame.
          if (
            typeof channel !== 'string' &&
            !result.ok &&
            result.error.message.startsWith('protocol:')
          )
            return { ok: false, error: { code: 'unknown-channel', message: result.error.message } };
          return result;
        },
      },
      runs,
    );
  });

  it('the engine process is the one it started with, and the server still answers', async () => {
    expect(traffic.launches).toBe(1);
    expect(traffic.exits).toEqual([]);
    expect(server.engine.pid).toBe(enginePid);
    expect(traffic.pids).toEqual([enginePid]);
    expect(statuses.filter((s) => s === 'crashed' || s === 'restarting')).toEqual([]);
    const samples = await transport.call('datasets:samples', {});
    expect(samples.ok).toBe(true);
  });
});
