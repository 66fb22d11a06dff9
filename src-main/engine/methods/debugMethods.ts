import { z } from 'zod';
import { method } from '../process/methodTypes';

/** A cooperative busy job (cancellable) and a stubborn one (ignores cancel), for runner tests. */
export function debugMethods() {
  return {
    'debug:busy': method(
      z.object({
        ms: z.number().int().min(0).max(60_000),
        ignoreCancel: z.boolean().default(false),
      }),
      async ({ ms, ignoreCancel }, ctx) => {
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
    ),
    'debug:pid': method(z.object({}), async () => ({ pid: process.pid })),
    'debug:memory': method(z.object({}), async () => {
      const tf = await import('@tensorflow/tfjs');
      global.gc?.();
      return { numTensors: tf.memory().numTensors, rssBytes: process.memoryUsage().rss };
    }),
  };
}
