// The engine as an Electron utility process: a Node child with crash isolation from the main
// process, where @tensorflow/tfjs-node's native addon loads as it would under plain Node.
import { utilityProcess } from 'electron';
import type { EngineLauncher } from '../host/engineProcessHandle';

export function utilityLauncher(entry: string, kernelsDir: string): EngineLauncher {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Series Studio engine',
      stdio: 'inherit',
      env: { ...process.env, SERIES_STUDIO_ENGINE: '1', SERIES_STUDIO_KERNELS_DIR: kernelsDir },
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code, null)),
      kill: () => {
        child.kill();
      },
    };
  };
}
