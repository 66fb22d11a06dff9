// Where things are at run time. Built entries live in out/main/; sources run under tsx in tests.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface AppPaths {
  repoRoot: string;
  resourcesDir: string;
  rendererDir: string;
  engineEntry: string;
  /** Compiled fused RNN kernels (rnn.wasm, rnn-relaxed.wasm), passed to the engine. */
  kernelsDir: string;
  /** Extra node flags the engine entry needs (tsx for TypeScript sources). */
  engineExecArgv: string[];
}

/** `builtDir` is the directory of the running built file (out/main), or null when running sources. */
export function appPaths(repoRoot: string, builtDir: string | null): AppPaths {
  const builtEngine = path.join(builtDir ?? path.join(repoRoot, 'out', 'main'), 'engine.js');
  const useBuilt = builtDir !== null || existsSync(builtEngine);
  return {
    repoRoot,
    resourcesDir: path.join(repoRoot, 'resources'),
    rendererDir: path.join(repoRoot, 'out', 'renderer'),
    kernelsDir: path.join(repoRoot, 'src-main', 'engine', 'kernels', 'build'),
    engineEntry: useBuilt
      ? builtEngine
      : path.join(repoRoot, 'src-main/engine/process/engineMain.ts'),
    engineExecArgv: useBuilt ? [] : ['--import', 'tsx'],
  };
}
