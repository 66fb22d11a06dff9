// Test helper: a studio host wired to a real engine process running from sources.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import type { EventName } from '../../shared/channelNames';
import { FileAccess } from '../fileAccess';
import { createStudioHost, type StudioHost } from '../studioHost';
import type { EngineClient } from '../engineClient';
import { sourceEngine, sourcePaths } from './sourceEngine';

export interface TestHost {
  host: StudioHost;
  engine: EngineClient;
  events: { event: EventName; payload: unknown }[];
  dispose(): Promise<void>;
}

export function createTestHost(): TestHost {
  const paths = sourcePaths();
  const events: { event: EventName; payload: unknown }[] = [];
  const engine = sourceEngine({
    onStatus: (status) => events.push({ event: 'engine:status', payload: status }),
  });
  const files = new FileAccess({
    samplesDir: path.join(paths.resourcesDir, 'datasets'),
    uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'uploads-')),
    policy: 'any-user-file',
  });
  const host = createStudioHost({
    mode: 'browser',
    version: '0.0.0-test',
    resourcesDir: paths.resourcesDir,
    workDir: mkdtempSync(path.join(os.tmpdir(), 'work-')),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'data-')),
    engine,
    files,
    emit: (event, payload) => events.push({ event, payload }),
  });
  return {
    host,
    engine,
    events,
    dispose: async () => {
      await host.dispose();
      await engine.dispose();
    },
  };
}
