// Test helper: a studio host wired to a real engine process running from sources.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type { EventName } from '../../shared/channelNames';
import { FileAccess } from '../fileAccess';
import { createStudioHost, type StudioHost } from '../studioHost';
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

/**
 * The studio host in browser mode over `engine`, every user file allowed, its folders under
 * fresh temporary directories that dispose removes; events land in `events`.
 */
export function testHostOver(engine: EngineClient, events: Events): TestHost {
  const paths = sourcePaths();
  const dirs = ['uploads-', 'work-', 'data-'].map((p) => mkdtempSync(path.join(os.tmpdir(), p)));
  const [uploadsDir = '', workDir = '', dataDir = ''] = dirs;
  const files = new FileAccess({
    samplesDir: path.join(paths.resourcesDir, 'datasets'),
    uploadsDir,
    policy: 'any-user-file',
  });
  const host = createStudioHost({
    mode: 'browser',
    version: '0.0.0-test',
    resourcesDir: paths.resourcesDir,
    workDir,
    dataDir,
    engine,
    files,
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

export function createTestHost(): TestHost {
  const events: Events = [];
  const engine = sourceEngine({
    onStatus: (status) => events.push({ event: 'engine:status', payload: status }),
  });
  return testHostOver(engine, events);
}
