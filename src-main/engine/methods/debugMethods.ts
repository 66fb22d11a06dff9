import type { HandlersFor } from '../process/methodTypes';
import type { DebugMethodName } from '../../shared/engineMethods';
import { engineMemberPool } from '../forecasting/engineMemberPool';
import { engineRuntime } from '../kernels/trainingRuntime';
import { backendInfo } from './backendInfo';

/**
 * Fault drills for the test suite: a cooperative busy job (cancellable) and a stubborn one
 * (ignores cancel), a call that answers too late, the engine's pid and memory, its member threads.
 */
export function debugMethods(): HandlersFor<DebugMethodName> {
  return {
    'debug:busy': async ({ ms, ignoreCancel }, ctx) => {
      const started = Date.now();
      while (Date.now() - started < ms) {
        if (!ignoreCancel && ctx.signal.aborted)
          throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        ctx.progress({
          phase: 'busy',
          fraction: (Date.now() - started) / ms,
          message: 'working',
        });
        if (ignoreCancel) {
          const until = Date.now() + 50;
          while (Date.now() < until) {
            // Deliberately blocks the event loop, as a runaway native kernel would.
          }
        } else {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      return { elapsedMs: Date.now() - started };
    },
    'debug:sleep': async ({ ms }, ctx) => {
      const started = Date.now();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        ctx.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return { sleptMs: Date.now() - started };
    },
    // Deliberately returns whatever it was given, even what the result schema refuses.
    'debug:echo': async ({ value }) => ({ value: value as number }),
    'debug:pid': async () => ({ pid: process.pid }),
    'debug:memory': async () => {
      const tf = await import('@tensorflow/tfjs');
      global.gc?.();
      return { numTensors: tf.memory().numTensors, rssBytes: process.memoryUsage().rss };
    },
    'debug:memberThreads': async () => {
      await backendInfo();
      const pool = engineMemberPool(await engineRuntime());
      if (!pool) return { configured: false, ready: 0, disabled: null };
      return { configured: true, ready: await pool.whenReady(), disabled: pool.disabled };
    },
  };
}
