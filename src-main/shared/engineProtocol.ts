// Messages between a host (Electron main, browser-mode server, CLI) and the engine process.
// Discriminated unions with call ids, after Signal's typed worker calls. Method names, params,
// results and progress are typed by the engine map (shared/engineMethods.ts).
import type { EngineMethodName } from './engineMethods';
import { isEngineMethod } from './engineMethods';
import type { EngineProgress } from './schemas/progress';
import type { StudioError } from './result';

export type HostToEngine =
  | { type: 'call'; id: string; method: EngineMethodName; params: unknown }
  | { type: 'cancel'; id: string }
  | { type: 'shutdown' };

/** A call whose method is not in the map (an older or newer host): answered `unknown-channel`. */
export interface UnknownCall {
  type: 'unknown-call';
  id: string;
  method: string;
}

export type EngineToHost =
  | { type: 'ready'; pid: number }
  | { type: 'progress'; id: string; progress: EngineProgress }
  | { type: 'result'; id: string; ok: true; value: unknown }
  | { type: 'result'; id: string; ok: false; error: StudioError }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Structural check of what arrives from the other side of a process boundary. */
export function parseHostMessage(value: unknown): HostToEngine | UnknownCall | null {
  if (!isRecord(value)) return null;
  if (value.type === 'call' && typeof value.id === 'string' && typeof value.method === 'string') {
    return isEngineMethod(value.method)
      ? { type: 'call', id: value.id, method: value.method, params: value.params }
      : { type: 'unknown-call', id: value.id, method: value.method };
  }
  if (value.type === 'cancel' && typeof value.id === 'string')
    return { type: 'cancel', id: value.id };
  if (value.type === 'shutdown') return { type: 'shutdown' };
  return null;
}

/**
 * Structural check of the engine's messages. Progress is passed on as the engine typed it (the
 * engine's handlers can only send their method's progress kind); results are checked against the
 * map's result schema by EngineClient, which knows the method of each call id.
 */
export function parseEngineMessage(value: unknown): EngineToHost | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'ready':
      return typeof value.pid === 'number' ? { type: 'ready', pid: value.pid } : null;
    case 'progress':
      return typeof value.id === 'string' &&
        isRecord(value.progress) &&
        typeof value.progress.phase === 'string' &&
        typeof value.progress.message === 'string'
        ? (value as EngineToHost)
        : null;
    case 'result':
      return typeof value.id === 'string' && typeof value.ok === 'boolean'
        ? (value as EngineToHost)
        : null;
    case 'log':
      return typeof value.message === 'string' ? (value as EngineToHost) : null;
    default:
      return null;
  }
}
