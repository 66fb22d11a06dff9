// Test helper: a studio host wired to a real engine process running from sources (as testHost.ts),
// with the launcher wrapped by EngineTraffic so a fuzz can count what reaches the engine.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type { EventName } from '../../shared/channelNames';
import { EngineClient } from '../engineClient';
import { FileAccess } from '../fileAccess';
import { forkLauncher } from '../forkLauncher';
import { createStudioHost } from '../studioHost';
import { EngineTraffic } from './engineTraffic';
import { sourcePaths } from './sourceEngine';
import type { TestHost } from './testHost';

export interface FuzzHost extends TestHost {
  traffic: EngineTraffic;
}

export function createFuzzHost(): FuzzHost {
  const paths = sourcePaths();
  const traffic = new EngineTraffic();
  const events: { event: EventName; payload: unknown }[] = [];
  const engine = new EngineClient(
    traffic.wrap(
      forkLauncher({
        entry: paths.engineEntry,
        execArgv: paths.engineExecArgv,
        env: {},
        kernelsDir: paths.kernelsDir,
      }),
    ),
    { onStatus: (status) => events.push({ event: 'engine:status', payload: status }) },
  );
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
    traffic,
    dispose: async () => {
      await host.dispose();
      await engine.dispose();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
