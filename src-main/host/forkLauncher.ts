import { fork } from 'node:child_process';
import type { EngineLauncher } from './engineProcessHandle';

export interface ForkOptions {
  /** Built engine entry (out/main/engine.js), or the TypeScript source when `execArgv` loads tsx. */
  entry: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Where the fused kernels' .wasm files are (the bundled engine cannot find them by itself). */
  kernelsDir?: string;
  /** The Node binary to run the engine with (default: this process's). */
  execPath?: string;
  /** Where a child-process error (failed spawn, broken IPC pipe) is reported. */
  onError?: (message: string) => void;
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
      ...(options.execPath ? { execPath: options.execPath } : {}),
    });
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    child.on('exit', (code, signal) => {
      for (const listener of exitListeners) listener(code, signal);
    });
    // Without an 'error' listener a failed spawn or an EPIPE on send is an uncaught exception in
    // the host (Electron main, the server, the CLI). A child that never started has no 'exit'
    // event to follow, so its failure is reported to the client as an exit.
    child.on('error', (error) => {
      const report = options.onError ?? ((m: string) => process.stderr.write(`${m}\n`));
      report(`engine process error: ${error.message}`);
      if (child.pid === undefined)
        for (const listener of exitListeners) listener(null, 'spawn-error');
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message as object);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        exitListeners.push(listener);
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  };
}
