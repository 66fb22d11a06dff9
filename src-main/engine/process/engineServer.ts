// Runs inside the engine process: dispatches calls to the handler table (typed from the engine
// map), parses params with the map's schema, one AbortController per call, and turns every failure
// into a typed error message. Transport-agnostic (fork IPC or parentPort).
import { engineMethods, type EngineMethodName } from '../../shared/engineMethods';
import { parseUnknown } from '../../shared/parseUnknown';
import { StudioFailure, toStudioError } from '../../shared/result';
import type { EngineProgress } from '../../shared/schemas/progress';
import type { EngineToHost, HostToEngine } from '../../shared/engineProtocol';
import { parseHostMessage } from '../../shared/engineProtocol';
import type { EngineHandler, JobContext, MethodTable } from './methodTypes';

export type { MethodTable } from './methodTypes';

export interface EnginePort {
  post(message: EngineToHost): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** One handler, seen from the dispatch: its params arrive parsed, its progress is the union. */
type AnyHandler = (params: unknown, ctx: JobContext<EngineProgress>) => Promise<unknown>;

function handlerOf(methods: MethodTable, method: EngineMethodName): AnyHandler | undefined {
  const handler: EngineHandler<typeof method> | undefined = methods[method];
  // Each handler's params and progress types are the map's for its own name (MethodTable), and
  // the params below are parsed by that name's schema: the union view is sound.
  return handler as AnyHandler | undefined;
}

export function serveEngine(port: EnginePort, methods: MethodTable, onShutdown: () => void): void {
  const running = new Map<string, AbortController>();

  async function handleCall(message: Extract<HostToEngine, { type: 'call' }>): Promise<void> {
    const controller = new AbortController();
    running.set(message.id, controller);
    try {
      const handler = handlerOf(methods, message.method);
      if (!handler)
        throw new StudioFailure('unknown-channel', `Unknown engine method "${message.method}".`);
      const params = parseUnknown(
        engineMethods[message.method].params,
        message.params,
        `${message.method} parameters`,
      );
      const value = await handler(params, {
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
    else if (message.type === 'unknown-call')
      port.post({
        type: 'result',
        id: message.id,
        ok: false,
        error: { code: 'unknown-channel', message: `Unknown engine method "${message.method}".` },
      });
    else if (message.type === 'cancel') running.get(message.id)?.abort();
    else onShutdown();
  });
}
