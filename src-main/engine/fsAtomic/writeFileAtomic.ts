// Crash-safe file replacement: the new bytes go to a temp file in the same folder, are fsynced,
// then renamed over the target (rename is atomic within one file system), and the folder is
// fsynced so the rename itself survives a power cut. Readers see the old or the new version, never
// a mix. The previous version is kept as "<name>.bak" through a hard link (or a copy), so the
// target never disappears, not even for a moment. Temp names carry the writer's pid, so
// collectStaleTemps can remove what a killed writer left behind without touching a live one's.
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteError } from './atomicWriteError';
import { escapeRegExp, isStale, ownerTag } from './ownedNames';

export interface AtomicFsOps {
  /** Create `file` (it must not exist), write all of `data`, fsync and close it. */
  writeTemp(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  fsyncDir(dir: string): Promise<void>;
}

export interface WriteFileAtomicOptions {
  /** Keep the version being replaced as "<name>.bak" (default true). */
  backup?: boolean;
  /** File-system primitives; tests inject failures here. */
  ops?: Partial<AtomicFsOps>;
}

async function writeTemp(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fsp.open(
    file,
    constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
    0o644,
  );
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a file or a folder (opened read-only) to disk. Windows cannot open or fsync folders; the
 * rename is already durable enough there, so those refusals are passed over.
 */
export async function fsyncPath(p: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(p, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  } finally {
    await handle?.close();
  }
}

export const nodeFsOps: AtomicFsOps = {
  writeTemp,
  rename: (a, b) => fsp.rename(a, b),
  unlink: (f) => fsp.unlink(f),
  link: (a, b) => fsp.link(a, b),
  copyFile: (a, b) => fsp.copyFile(a, b),
  fsyncDir: fsyncPath,
};

export function backupPathOf(target: string): string {
  return `${target}.bak`;
}

/** Temp files this process is writing now (base names); anything else of ours is a leftover. */
const activeTemps = new Set<string>();

function tempName(target: string, tag = 'tmp'): string {
  const dir = path.dirname(target);
  const name = `.${path.basename(target)}.${ownerTag()}.${tag}`;
  activeTemps.add(name);
  return path.join(dir, name);
}

function releaseTemp(temp: string): void {
  activeTemps.delete(path.basename(temp));
}

/** Whether `name` (a base name) is one of the temp names writeFileAtomic uses for `target`. */
export function isTempOf(target: string, name: string): boolean {
  const base = escapeRegExp(path.basename(target));
  return new RegExp(`^\\.${base}\\.\\d{1,10}-[0-9a-f]{12}\\.(?:tmp|bak\\.tmp)$`).test(name);
}

/**
 * Removes the temp files interrupted writes of `target` left in its folder (their writer was
 * killed). Returns the names removed.
 */
export async function collectStaleTemps(target: string): Promise<string[]> {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!isTempOf(file, name) || !isStale(name, activeTemps)) continue;
    await fsp.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

const exists = (file: string): Promise<boolean> =>
  fsp.lstat(file).then(
    (s) => s.isFile(),
    () => false,
  );

async function keepBackup(target: string, ops: AtomicFsOps): Promise<void> {
  if (!(await exists(target))) return;
  // Link under a temp name, then rename over the old .bak, so the .bak too is always whole.
  const staged = tempName(target, 'bak.tmp');
  try {
    await ops.link(target, staged);
  } catch {
    await ops.copyFile(target, staged);
  }
  try {
    await ops.rename(staged, backupPathOf(target));
  } catch (e) {
    await ops.unlink(staged).catch(() => undefined);
    throw e;
  } finally {
    releaseTemp(staged);
  }
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const ops: AtomicFsOps = { ...nodeFsOps, ...options.ops };
  const file = path.resolve(target);
  const temp = tempName(file);
  let tempCreated = false;
  try {
    tempCreated = true;
    await ops.writeTemp(temp, data);
    if (options.backup ?? true) await keepBackup(file, ops);
    await ops.rename(temp, file);
    tempCreated = false;
    await ops.fsyncDir(path.dirname(file));
  } catch (e) {
    if (tempCreated) await ops.unlink(temp).catch(() => undefined);
    throw atomicWriteError(file, e);
  } finally {
    releaseTemp(temp);
  }
}
