// Browser mode: the same contract over a WebSocket to the local server (frames as in
// src-main/server/wsProtocol.ts). Reconnects if the socket drops (trying every few seconds, so
// events flow again); calls in flight then fail, and connection listeners hear of both.
import type { EventName } from '../../../src-main/shared/channelNames';
import type { Result } from '../../../src-main/shared/result';
import type { StudioTransport } from '../../../src-main/shared/studioApi';

type Listener = (payload: unknown) => void;

const reconnectDelayMs = 3000;

export function websocketTransport(url: string): StudioTransport {
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let lost = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  function setLost(value: boolean): void {
    if (lost === value) return;
    lost = value;
    for (const listener of connectionListeners) listener(!value);
  }

  /** After a drop, keeps trying until the server answers again. */
  function scheduleReconnect(): void {
    if (retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => scheduleReconnect());
    }, reconnectDelayMs);
  }

  function connect(): Promise<WebSocket> {
    if (opened) return opened;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        setLost(false);
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('Could not reach the Series Studio server.'));
      ws.onclose = () => {
        const wasOpen = socket === ws;
        socket = null;
        opened = null;
        if (wasOpen || lost) {
          setLost(true);
          scheduleReconnect();
        }
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
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
