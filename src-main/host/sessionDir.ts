// The browser-mode server's session folder ("series-studio-session-*" in the temp folder: trained
// models, uploads, scratch files). It records its owner's pid, is removed when the process exits,
// and a start-up sweeps away the folders of servers that crashed or were killed (owner gone).
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pidAlive } from '../engine/fsAtomic/ownedNames';

export const SESSION_PREFIX = 'series-studio-session-';
/** Inside each session folder: `{"pid": <owner pid>}`. */
export const OWNER_FILE = 'owner.json';
/** A folder from a version that did not record its owner is only removed once this old. */
export const UNOWNED_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface SessionDir {
  dir: string;
  /** Removes the folder now (and no longer at exit). */
  dispose(): void;
}

function ownerPid(dir: string): number | null {
  try {
    const data = JSON.parse(readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as { pid?: unknown };
    return typeof data.pid === 'number' && Number.isInteger(data.pid) ? data.pid : null;
  } catch {
    return null;
  }
}

/**
 * Removes the session folders in `parent` whose owner process is gone (or, for folders that
 * recorded no owner, that are older than UNOWNED_MAX_AGE_MS). Only real folders of this user are
 * considered; a live owner's folder is never touched. Returns the names removed.
 */
export function sweepStaleSessionDirs(parent: string = os.tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    if (!name.startsWith(SESSION_PREFIX)) continue;
    const dir = path.join(parent, name);
    try {
      const info = lstatSync(dir);
      if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
      const pid = ownerPid(dir);
      const stale = pid === null ? now - info.mtimeMs > UNOWNED_MAX_AGE_MS : !pidAlive(pid);
      if (!stale) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Vanished meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Sweeps stale folders, then makes this process's session folder, removed again at exit. */
export function createSessionDir(parent: string = os.tmpdir()): SessionDir {
  sweepStaleSessionDirs(parent);
  const dir = mkdtempSync(path.join(parent, SESSION_PREFIX));
  writeFileSync(path.join(dir, OWNER_FILE), `${JSON.stringify({ pid: process.pid })}\n`, {
    mode: 0o600,
  });
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  process.on('exit', remove);
  return {
    dir,
    dispose() {
      process.off('exit', remove);
      remove();
    },
  };
}
