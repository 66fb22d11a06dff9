// Test helper: counts what really crosses the host → engine process boundary. It wraps the real
// launcher's process handle (not the EngineClient, not a mock): every `call` message the client
// actually sends to the engine child, every answer the child sends back, every launch and exit. A
// fuzz case "reached the engine" only if a call message for it left the host.
import type { EngineLauncher } from '../engineProcessHandle';

export interface CaseTraffic {
  /** Engine methods sent to the engine process during the case, in order. */
  sent: string[];
  /** Of those, the ones the engine answered with ok: true. */
  okAnswers: string[];
}

export class EngineTraffic {
  launches = 0;
  readonly pids: (number | undefined)[] = [];
  readonly exits: { pid: number | undefined; code: number | null; signal: string | null }[] = [];
  private inCase: CaseTraffic | null = null;
  private readonly ids = new Map<string, { method: string; traffic: CaseTraffic | null }>();

  /** Starts attributing engine traffic to one case (cases run one at a time). */
  beginCase(): void {
    this.inCase = { sent: [], okAnswers: [] };
  }

  /**
   * Ends the case. Answers that arrive later (a call cut short by a timeout or a cancel) are still
   * credited to the case they belong to, but after this returns they are not reported.
   */
  endCase(): CaseTraffic {
    const traffic = this.inCase ?? { sent: [], okAnswers: [] };
    this.inCase = null;
    return traffic;
  }

  wrap(launch: EngineLauncher): EngineLauncher {
    return () => {
      const handle = launch();
      this.launches += 1;
      const pid = handle.pid;
      this.pids.push(pid);
      handle.onExit((code, signal) => this.exits.push({ pid, code, signal }));
      return {
        get pid() {
          return handle.pid;
        },
        send: (message: unknown) => {
          const m = message as { type?: unknown; id?: unknown; method?: unknown };
          if (m.type === 'call' && typeof m.id === 'string' && typeof m.method === 'string') {
            this.ids.set(m.id, { method: m.method, traffic: this.inCase });
            this.inCase?.sent.push(m.method);
          }
          handle.send(message);
        },
        onMessage: (listener) =>
          handle.onMessage((message: unknown) => {
            const m = message as { type?: unknown; id?: unknown; ok?: unknown };
            if (m.type === 'result' && typeof m.id === 'string') {
              const call = this.ids.get(m.id);
              this.ids.delete(m.id);
              if (call && m.ok === true) call.traffic?.okAnswers.push(call.method);
            }
            listener(message);
          }),
        onExit: (listener) => handle.onExit(listener),
        kill: () => handle.kill(),
      };
    };
  }
}
