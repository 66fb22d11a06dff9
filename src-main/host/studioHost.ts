// The host side of the contract, shared by the Electron main process and the browser-mode server:
// parse every request from unknown, run it (mostly by calling the engine process), and answer with a
// Result envelope. Transports only move bytes; all policy lives here.
import type { Channel, EventPayload, ParsedRequestOf, ResponseOf } from '../shared/contract';
import { contract, isChannel, isJobChannel } from '../shared/contract';
import type { EventName } from '../shared/channelNames';
import { parseUnknown } from '../shared/parseUnknown';
import type { Result } from '../shared/result';
import { fail, ok, StudioFailure, toStudioError } from '../shared/result';
import type { EngineClient } from './engineClient';
import type { FileAccess } from './fileAccess';
import { createHandlers } from './handlers';
import { startAutosave } from './autosave';
import { SessionState } from './sessionState';

export interface HostEnvironment {
  mode: 'desktop' | 'browser' | 'cli';
  version: string;
  resourcesDir: string;
  /** Session scratch folder (trained models live here until a project saves them). */
  workDir: string;
  engine: EngineClient;
  files: FileAccess;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Per-user folder for crash recovery (desktop: userData; browser mode: ~/.series-studio). */
  dataDir: string;
  /** Present only in the desktop app. */
  desktop?: DesktopServices;
  /** Told about every file the user opened or saved (desktop: the recent-files menu). */
  onFileUsed?: (file: string, kind: 'csv' | 'project') => void;
}

export interface DesktopServices {
  openCsvDialog(): Promise<string | null>;
  chooseSavePath(kind: 'project' | 'pdf' | 'html'): Promise<string | null>;
  chooseOpenPath(kind: 'project' | 'pdf' | 'html'): Promise<string | null>;
  /** Prints HTML with a hidden window's webContents.printToPDF. */
  printToPdf(html: string): Promise<Uint8Array>;
}

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, job: JobScope) => Promise<ResponseOf<C>>;
};

export interface JobScope {
  signal: AbortSignal;
  jobId: string | null;
}

export interface StudioHost {
  handle(channel: unknown, request: unknown): Promise<Result<unknown>>;
  cancelAll(): void;
  /** Unsaved work since the last save (datasets opened, runs added or deleted). */
  isDirty(): boolean;
  /**
   * Shutdown: stop autosaving. A clean exit drops the recovery file; `keepRecovery` writes the
   * session to it instead, so the next start offers to restore it.
   */
  dispose(options?: { keepRecovery?: boolean }): Promise<void>;
}

export function createStudioHost(env: HostEnvironment): StudioHost {
  const jobs = new Map<string, AbortController>();
  const session = new SessionState();
  const handlers = createHandlers(env, session, (jobId) => {
    const controller = jobs.get(jobId);
    controller?.abort();
    return controller !== undefined;
  });
  const autosave = startAutosave(env, session);

  async function run<C extends Channel>(channel: C, raw: unknown): Promise<Result<unknown>> {
    const request = parseUnknown(contract[channel].request, raw, `request for ${channel}`);
    const jobId = isJobChannel(channel) ? (request as { jobId: string }).jobId : null;
    if (jobId !== null && jobs.has(jobId)) {
      throw new StudioFailure('invalid-request', `Job ${jobId} is already running.`);
    }
    const controller = new AbortController();
    if (jobId !== null) jobs.set(jobId, controller);
    try {
      const handler = handlers[channel] as (r: unknown, job: JobScope) => Promise<ResponseOf<C>>;
      const value = await handler(request, { signal: controller.signal, jobId });
      // The engine is another process: check what it answers against the contract too.
      const checked = contract[channel].response.safeParse(value);
      if (!checked.success) {
        const first = checked.error.issues[0];
        const where = first ? `${first.path.map(String).join('.')}: ${first.message}` : '';
        throw new StudioFailure(
          'internal',
          `The answer to ${channel} broke the contract (${where}).`,
        );
      }
      return ok(checked.data);
    } finally {
      if (jobId !== null) jobs.delete(jobId);
    }
  }

  return {
    async handle(channel, request) {
      if (!isChannel(channel))
        return fail('unknown-channel', `Unknown channel ${JSON.stringify(channel)}.`);
      try {
        return await run(channel, request);
      } catch (error) {
        return { ok: false, error: toStudioError(error) };
      }
    },
    cancelAll() {
      for (const controller of jobs.values()) controller.abort();
    },
    isDirty: () => session.dirty,
    async dispose(options = {}) {
      for (const controller of jobs.values()) controller.abort();
      if (options.keepRecovery) await autosave.saveNow();
      await autosave.stop(!options.keepRecovery);
    },
  };
}
