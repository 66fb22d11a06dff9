// Names of temporary files and folders that record the process that made them ("<pid>-<random>"),
// so a later save or open can tell an interrupted save's leftovers (owner gone) from a save that
// is still running in another process.
import { randomBytes } from 'node:crypto';

/** True while a process with this id exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "<pid>-<12 hex>": unique per call, and names this process as the owner. */
export function ownerTag(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`;
}

const TAG = /\.(\d{1,10})-[0-9a-f]{12}\.[a-z.]+$/;

/** The owner pid recorded in a name made with ownerTag (".<stem>.<pid>-<hex>.<suffix>"), or null. */
export function ownerOf(name: string): number | null {
  const m = TAG.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Leftover of an interrupted operation: its owner is gone, or it is this process and the name is
 * not one of the operations this process is running now.
 */
export function isStale(name: string, active: ReadonlySet<string>): boolean {
  const owner = ownerOf(name);
  if (owner === null) return false;
  if (owner === process.pid) return !active.has(name);
  return !pidAlive(owner);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
