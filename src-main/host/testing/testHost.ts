// Test helper: a studio host wired to a real engine process running from sources.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type { EventName } from '../../shared/channelNames';
import { FileAccess, type PathPolicy } from '../fileAccess';
import { createStudioHost, type HostEnvironment, type StudioHost } from '../studioHost';
import type { EngineClient } from '../engineClient';
import { sourceEngine, sourcePaths } from './sourceEngine';

type Events = { event: EventName; payload: unknown }[];

export interface TestHost {
  host: StudioHost;
  engine: EngineClient;
  events: Events;
  /** Handles one call and returns its value; a failure throws with the channel and the error. */
  value: <T>(channel: string, payload: unknown) => Promise<T>;
  dispose(): Promise<void>;
}

/** Where a test's studio host keeps its files, and how it may reach the user's. */
export interface TestStudioHostOptions {
  mode: 'desktop' | 'browser';
  policy: PathPolicy;
  engine: EngineClient;
  uploadsDir: string;
  workDir: string;
  dataDir: string;
  emit?: HostEnvironment['emit'];
}

/** A studio host over `engine` with the source tree's samples and resources. */
export function testStudioHost(o: TestStudioHostOptions): { host: StudioHost; files: FileAccess } {
  const { resourcesDir } = sourcePaths();
  const files = new FileAccess({
    samplesDir: path.join(resourcesDir, 'datasets'),
    uploadsDir: o.uploadsDir,
    policy: o.policy,
  });
  const host = createStudioHost({
    mode: o.mode,
    version: '0.0.0-test',
    resourcesDir,
    workDir: o.workDir,
    dataDir: o.dataDir,
    engine: o.engine,
    files,
    emit: o.emit ?? (() => undefined),
  });
  return { host, files };
}

/**
 * The studio host in browser mode over `engine`, every user file allowed, its folders under
 * fresh temporary directories that dispose removes; events land in `events`.
 */
export function testHostOver(engine: EngineClient, events: Events): TestHost {
  const dirs = ['uploads-', 'work-', 'data-'].map((p) => mkdtempSync(path.join(os.tmpdir(), p)));
  const [uploadsDir = '', workDir = '', dataDir = ''] = dirs;
  const { host } = testStudioHost({
    mode: 'browser',
    policy: 'any-user-file',
    engine,
    uploadsDir,
    workDir,
    dataDir,
    emit: (event, payload) => events.push({ event, payload }),
  });
  return {
    host,
    engine,
    events,
    value: async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await host.handle(channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    dispose: async () => {
      await host.dispose();
      await engine.dispose();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `env`: extra environment of the engine process (its switches). */
export function createTestHost(env: NodeJS.ProcessEnv = {}): TestHost {
  const events: Events = [];
  const engine = sourceEngine(
    { onStatus: (status) => events.push({ event: 'engine:status', payload: status }) },
    env,
  );
  return testHostOver(engine, events);
}
