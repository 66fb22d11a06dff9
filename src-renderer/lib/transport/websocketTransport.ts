// Browser mode: the same contract over a WebSocket to the local server (frames as in
// src-main/server/wsProtocol.ts). Reconnects if the socket drops; calls in flight then fail.
import type { EventName } from '../../../src-main/shared/channelNames';
import type { Result } from '../../../src-main/shared/result';
import type { StudioTransport } from '../../../src-main/shared/studioApi';

type Listener = (payload: unknown) => void;

export function websocketTransport(url: string): StudioTransport {
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();

  function connect(): Promise<WebSocket> {
    if (opened) return opened;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('Could not reach the Series Studio server.'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle({
            ok: false,
            error: { code: 'unavailable', message: 'Connection to the server was lost.' },
          });
        }
      };
      ws.onmessage = (event: MessageEvent<string>) => onFrame(event.data);
    });
    return opened;
  }

  function onFrame(text: string): void {
    const frame = JSON.parse(text) as
      | { type: 'result'; id: number; result: Result<unknown> }
      | { type: 'event'; event: string; payload: unknown }
      | { type: 'error'; message: string };
    if (frame.type === 'result') {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else if (frame.type === 'event') {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    } else {
      console.error(frame.message);
    }
  }

  return {
    kind: 'browser',
    async call(channel, request) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', message: String(error) } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        ws.send(JSON.stringify({ type: 'call', id, channel, payload: request }));
      });
    },
    on(event: EventName, listener) {
      void connect().catch(() => undefined);
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}
