// The CLI drives the same engine process as the app, through the same client.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths, type AppPaths } from '../host/appPaths';
import { EngineClient } from '../host/engineClient';
import { forkLauncher } from '../host/forkLauncher';
import type { EngineMethodName, EngineParams, EngineResult } from '../shared/engineMethods';
import type { EngineProgress } from '../shared/schemas/progress';
import { StudioFailure } from '../shared/result';

export function cliPaths(): AppPaths {
  const builtDir = path.dirname(fileURLToPath(import.meta.url));
  const isBuilt =
    path.basename(builtDir) === 'main' && path.basename(path.dirname(builtDir)) === 'out';
  return appPaths(path.resolve(builtDir, '../..'), isBuilt ? builtDir : null);
}

export class CliEngine {
  private readonly client: EngineClient;

  constructor(
    paths: AppPaths,
    private readonly onProgress?: (p: EngineProgress) => void,
  ) {
    this.client = new EngineClient(
      forkLauncher({
        entry: paths.engineEntry,
        execArgv: paths.engineExecArgv,
        kernelsDir: paths.kernelsDir,
      }),
      {
        onLog: (level, message) => {
          if (level !== 'info') process.stderr.write(`${level}: ${message}\n`);
        },
      },
    );
  }

  /** One engine call, typed by the engine map; throws the engine's error as a StudioFailure. */
  async call<M extends EngineMethodName>(
    method: M,
    params: EngineParams<M>,
    signal?: AbortSignal,
  ): Promise<EngineResult<M>> {
    const result = await this.client.call(method, params, {
      ...(signal ? { signal } : {}),
      ...(this.onProgress ? { onProgress: this.onProgress } : {}),
    });
    if (!result.ok)
      throw new StudioFailure(result.error.code, result.error.message, result.error.details);
    return result.value;
  }

  dispose(): Promise<void> {
    return this.client.dispose();
  }
}
