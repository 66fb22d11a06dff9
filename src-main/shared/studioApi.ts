// The typed surface the renderer sees, whatever the transport (Electron preload or WebSocket).
import type { Channel, EventPayload, RequestOf, ResponseOf } from './contract';
import type { EventName } from './channelNames';
import type { Result } from './result';

export type StudioCall = <C extends Channel>(
  channel: C,
  request: RequestOf<C>,
) => Promise<Result<ResponseOf<C>>>;

export interface StudioTransport {
  readonly kind: 'desktop' | 'browser';
  call: StudioCall;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Browser mode: told when the connection to the server drops (false) and comes back (true). */
  onConnection?(listener: (connected: boolean) => void): () => void;
}

/** What the preload exposes on `window.studio`: one method per channel plus one subscriber per event. */
export type PreloadApi = {
  readonly [C in Channel]: (request: unknown) => Promise<unknown>;
} & {
  readonly subscribe: {
    readonly [E in EventName]: (listener: (payload: unknown) => void) => () => void;
  };
};
