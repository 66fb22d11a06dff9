import { fork } from 'node:child_process';
import type { EngineLauncher } from './engineProcessHandle';

export interface ForkOptions {
  /** Built engine entry (out/main/engine.js), or the TypeScript source when `execArgv` loads tsx. */
  entry: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Where the fused kernels' .wasm files are (the bundled engine cannot find them by itself). */
  kernelsDir?: string;
}

export function forkLauncher(options: ForkOptions): EngineLauncher {
  return () => {
    const child = fork(options.entry, [], {
      execArgv: options.execArgv ?? [],
      env: {
        ...process.env,
        ...options.env,
        SERIES_STUDIO_ENGINE: '1',
        ...(options.kernelsDir ? { SERIES_STUDIO_KERNELS_DIR: options.kernelsDir } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message as object);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  };
}
