// Messages between a host (Electron main, browser-mode server, CLI) and the engine process.
// Discriminated unions with call ids, after Signal's typed worker calls.
import type { JobProgress } from '../../shared/schemas/app';
import type { StudioError } from '../../shared/result';

export type HostToEngine =
  | { type: 'call'; id: string; method: string; params: unknown }
  | { type: 'cancel'; id: string }
  | { type: 'shutdown' };

export type EngineToHost =
  | { type: 'ready'; pid: number }
  | { type: 'progress'; id: string; progress: Omit<JobProgress, 'jobId'> }
  | { type: 'result'; id: string; ok: true; value: unknown }
  | { type: 'result'; id: string; ok: false; error: StudioError }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Structural check of what arrives from the other side of a process boundary. */
export function parseHostMessage(value: unknown): HostToEngine | null {
  if (!isRecord(value)) return null;
  if (value.type === 'call' && typeof value.id === 'string' && typeof value.method === 'string') {
    return { type: 'call', id: value.id, method: value.method, params: value.params };
  }
  if (value.type === 'cancel' && typeof value.id === 'string')
    return { type: 'cancel', id: value.id };
  if (value.type === 'shutdown') return { type: 'shutdown' };
  return null;
}

export function parseEngineMessage(value: unknown): EngineToHost | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'ready':
      return typeof value.pid === 'number' ? { type: 'ready', pid: value.pid } : null;
    case 'progress':
      return typeof value.id === 'string' && isRecord(value.progress)
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
