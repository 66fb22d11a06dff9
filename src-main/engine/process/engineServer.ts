// Runs inside the engine process: dispatches calls to methods, one AbortController per call, and
// turns every failure into a typed error message. Transport-agnostic (fork IPC or parentPort).
import { parseUnknown } from '../../shared/parseUnknown';
import { StudioFailure, toStudioError } from '../../shared/result';
import type { EngineToHost, HostToEngine } from './protocol';
import { parseHostMessage } from './protocol';
import type { EngineMethod } from './methodTypes';
import type { z } from 'zod';

export type MethodTable = Record<string, EngineMethod<z.ZodType, unknown>>;

export interface EnginePort {
  post(message: EngineToHost): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function serveEngine(port: EnginePort, methods: MethodTable, onShutdown: () => void): void {
  const running = new Map<string, AbortController>();

  async function handleCall(message: Extract<HostToEngine, { type: 'call' }>): Promise<void> {
    const controller = new AbortController();
    running.set(message.id, controller);
    try {
      const entry = Object.prototype.hasOwnProperty.call(methods, message.method)
        ? methods[message.method]
        : undefined;
      if (!entry)
        throw new StudioFailure('unknown-channel', `Unknown engine method "${message.method}".`);
      const params = parseUnknown(entry.params, message.params, `${message.method} parameters`);
      const value = await entry.run(params, {
        signal: controller.signal,
        progress: (progress) => port.post({ type: 'progress', id: message.id, progress }),
        log: (level, text) => port.post({ type: 'log', level, message: text }),
      });
      port.post({ type: 'result', id: message.id, ok: true, value });
    } catch (error) {
      const studioError = controller.signal.aborted
        ? { code: 'cancelled' as const, message: 'Cancelled.' }
        : toStudioError(error);
      port.post({ type: 'result', id: message.id, ok: false, error: studioError });
    } finally {
      running.delete(message.id);
    }
  }

  port.onMessage((raw) => {
    const message = parseHostMessage(raw);
    if (!message) {
      port.post({ type: 'log', level: 'warn', message: 'engine: ignored a malformed message' });
      return;
    }
    if (message.type === 'call') void handleCall(message);
    else if (message.type === 'cancel') running.get(message.id)?.abort();
    else onShutdown();
  });
}
