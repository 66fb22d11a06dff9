// Frames on the browser-mode WebSocket. The renderer's client builds the same shapes
// (src-renderer/lib/transport/websocketTransport.ts).
import type { Result } from '../shared/result';

export interface ClientCall {
  type: 'call';
  id: number;
  channel: string;
  payload: unknown;
}

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'error'; message: string };

export function parseClientMessage(text: string): ClientCall | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (
    record.type !== 'call' ||
    typeof record.id !== 'number' ||
    typeof record.channel !== 'string'
  ) {
    return null;
  }
  return { type: 'call', id: record.id, channel: record.channel, payload: record.payload };
}
