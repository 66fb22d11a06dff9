// Test helper: an EngineClient running the engine from TypeScript sources (tsx), with the fault-drill
// methods switched on.
import { repoRoot } from '../../engine/testing/sharedData';
import { appPaths } from '../appPaths';
import { EngineClient, type EngineClientOptions } from '../engineClient';
import { forkLauncher } from '../forkLauncher';

export function sourcePaths() {
  return {
    ...appPaths(repoRoot, null),
    engineEntry: `${repoRoot}/src-main/engine/process/engineMain.ts`,
    engineExecArgv: ['--import', 'tsx'],
  };
}

export function sourceEngine(
  options: EngineClientOptions = {},
  env: NodeJS.ProcessEnv = {},
): EngineClient {
  const paths = sourcePaths();
  return new EngineClient(
    forkLauncher({
      entry: paths.engineEntry,
      execArgv: paths.engineExecArgv,
      env: { ...env, SERIES_STUDIO_DEBUG_METHODS: '1' },
      kernelsDir: paths.kernelsDir,
    }),
    options,
  );
}
