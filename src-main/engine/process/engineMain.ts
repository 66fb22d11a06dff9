// Entry point of the engine process. Thin on purpose: pick the transport the host gave us
// (Electron utilityProcess's parentPort, or Node's fork IPC) and serve the method table.
import { engineMethods } from '../methods/engineMethods';
import type { EngineToHost } from '../../shared/engineProtocol';
import { serveEngine, type EnginePort } from './engineServer';
import { configureMemberWorkers } from '../forecasting/engineMemberPool';
import { memberWorkerBeside } from './memberWorkerEntry';

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function pickPort(): EnginePort {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      post: (message: EngineToHost) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  if (process.send) {
    return {
      post: (message: EngineToHost) => {
        if (process.connected) process.send?.(message);
      },
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error(
    'engine: started without a host channel (run it through the studio, not directly)',
  );
}

const port = pickPort();
// tfjs-layers warns on every orthogonal initialisation above 2,000 elements (our recurrent kernels
// are seeded-orthogonal like Keras'); the warning says nothing the analyst can act on.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Orthogonal initializer is being called'))
    return;
  warn(...args);
};
process.on('uncaughtException', (error) => {
  port.post({
    type: 'log',
    level: 'error',
    message: `engine crashed: ${error.stack ?? String(error)}`,
  });
  process.exit(70);
});
process.on('disconnect', () => process.exit(0));
// Ensemble members train in worker threads beside this one (forecasting/memberPool.ts).
configureMemberWorkers(memberWorkerBeside(import.meta.url));
serveEngine(port, engineMethods(), () => process.exit(0));
port.post({ type: 'ready', pid: process.pid });
