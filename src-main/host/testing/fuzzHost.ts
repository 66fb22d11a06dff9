// Test helper: a studio host wired to a real engine process running from sources (as testHost.ts),
// with the launcher wrapped by EngineTraffic so a fuzz can count what reaches the engine.
import type { EventName } from '../../shared/channelNames';
import { EngineClient } from '../engineClient';
import { forkLauncher } from '../forkLauncher';
import { EngineTraffic } from './engineTraffic';
import { sourcePaths } from './sourceEngine';
import { testHostOver, type TestHost } from './testHost';

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
  return { ...testHostOver(engine, events), traffic };
}
