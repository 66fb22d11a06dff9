// The renderer's one way to reach the engine. Typed from the contract; does not know whether it
// talks to the Electron preload or to the browser-mode WebSocket.
import type { Channel, EventPayload, RequestOf, ResponseOf } from '../../src-main/shared/contract';
import type { EventName } from '../../src-main/shared/channelNames';
import type { Result } from '../../src-main/shared/result';
import type { JobProgress } from '../../src-main/shared/schemas/app';
import type { StudioTransport } from '../../src-main/shared/studioApi';
import { desktopApi, desktopTransport } from './transport/desktopTransport';
import { websocketTransport } from './transport/websocketTransport';

export type JobRequest<C extends Channel> = Omit<RequestOf<C>, 'jobId'>;

export class StudioClient {
  private readonly progressListeners = new Map<string, (p: JobProgress) => void>();

  constructor(readonly transport: StudioTransport) {
    transport.on('job:progress', (progress) =>
      this.progressListeners.get(progress.jobId)?.(progress),
    );
  }

  get mode(): 'desktop' | 'browser' {
    return this.transport.kind;
  }

  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    return this.transport.call(channel, request);
  }

  /** Starts a long call with a fresh jobId; progress goes to `onProgress`, `cancel()` stops it. */
  job<C extends Channel>(
    channel: C,
    request: JobRequest<C>,
    onProgress: (progress: JobProgress) => void,
  ): { jobId: string; result: Promise<Result<ResponseOf<C>>>; cancel: () => Promise<void> } {
    const jobId = `job_${crypto.randomUUID().replace(/-/g, '')}`;
    this.progressListeners.set(jobId, onProgress);
    const full = { ...request, jobId } as unknown as RequestOf<C>;
    const result = this.transport
      .call(channel, full)
      .finally(() => this.progressListeners.delete(jobId));
    return {
      jobId,
      result,
      cancel: async () => {
        await this.transport.call('jobs:cancel', { jobId });
      },
    };
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.on(event, listener);
  }

  /** Browser mode: the connection to the server dropped (false) or came back (true). */
  onConnection(listener: (connected: boolean) => void): () => void {
    return this.transport.onConnection?.(listener) ?? (() => undefined);
  }
}

export function createStudioClient(): StudioClient {
  const api = desktopApi();
  if (api) return new StudioClient(desktopTransport(api));
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`;
  return new StudioClient(websocketTransport(url));
}
