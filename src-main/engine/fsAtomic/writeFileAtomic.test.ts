import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError } from './atomicWriteError';
import { backupPathOf, nodeFsOps, writeFileAtomic } from './writeFileAtomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic', () => {
  it('creates, replaces and keeps the previous version as .bak', async () => {
    const target = path.join(dir, 'p.json');
    await writeFileAtomic(target, 'one');
    expect(await readFile(target, 'utf8')).toBe('one');
    await writeFileAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readFile(backupPathOf(target), 'utf8')).toBe('one');
    await writeFileAtomic(target, new TextEncoder().encode('three'));
    expect(await readFile(target, 'utf8')).toBe('three');
    expect(await readFile(backupPathOf(target), 'utf8')).toBe('two');
    expect((await readdir(dir)).sort()).toEqual(['p.json', 'p.json.bak']);
  });

  it('writes no .bak when asked not to', async () => {
    const target = path.join(dir, 'r.pdf');
    await writeFileAtomic(target, 'a', { backup: false });
    await writeFileAtomic(target, 'b', { backup: false });
    expect(await readdir(dir)).toEqual(['r.pdf']);
  });

  it('reports a full disk by name, removes the temp file and leaves the old file whole', async () => {
    const target = path.join(dir, 'p.json');
    await writeFileAtomic(target, 'old version');
    let tempSeen = '';
    const failing = async (file: string, data: string | Uint8Array): Promise<void> => {
      tempSeen = file;
      // Half the bytes land, then the device fills up.
      await writeFile(file, String(data).slice(0, 3));
      throw errno('ENOSPC');
    };
    const error = await writeFileAtomic(target, 'new version', {
      ops: { writeTemp: failing },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect((error as AtomicWriteError).code).toBe('ENOSPC');
    expect((error as Error).message).toContain(`"${target}"`);
    expect((error as Error).message).toContain('disk is full');
    expect(path.dirname(tempSeen)).toBe(dir);
    expect(await readFile(target, 'utf8')).toBe('old version');
    // Temp file gone; no .bak either, since nothing was replaced.
    expect(await readdir(dir)).toEqual(['p.json']);
  });

  it('names the path for read-only file systems and permission errors', async () => {
    const target = path.join(dir, 'p.json');
    await writeFileAtomic(target, 'keep me');
    for (const code of ['EROFS', 'EACCES']) {
      const error = await writeFileAtomic(target, 'x', {
        ops: { writeTemp: () => Promise.reject(errno(code)) },
      }).catch((e: unknown) => e as Error);
      expect(error?.message).toMatch(
        code === 'EROFS'
          ? /read-only file system \(EROFS\)/
          : /permission denied, the folder is not writable \(EACCES\)/,
      );
      expect(error?.message).toContain(target);
    }
    expect(await readFile(target, 'utf8')).toBe('keep me');
  });

  it('fails cleanly when the folder cannot be written', async () => {
    const readOnly = path.join(dir, 'ro');
    await writeFile(path.join(dir, 'probe'), '');
    await mkdir(readOnly);
    const target = path.join(readOnly, 'p.json');
    await writeFileAtomic(target, 'old');
    await chmod(readOnly, 0o555);
    // root ignores directory permissions; then a path whose "folder" is a regular file stands in.
    const rootIgnoresMode = await writeFile(path.join(readOnly, 'probe'), '').then(
      () => true,
      () => false,
    );
    if (!rootIgnoresMode) {
      const error = await writeFileAtomic(target, 'new').catch(
        (e: unknown) => e as AtomicWriteError,
      );
      expect(error?.code).toBe('EACCES');
      expect(error?.message).toContain(target);
      expect(await readFile(target, 'utf8')).toBe('old');
      expect(await readdir(readOnly)).toEqual(
        ['p.json', 'p.json.bak'].filter((f) => f !== 'p.json.bak'),
      );
      return;
    }
    const fileAsFolder = path.join(dir, 'probe', 'p.json');
    const error = await writeFileAtomic(fileAsFolder, 'new').catch(
      (e: unknown) => e as AtomicWriteError,
    );
    expect(error?.code).toBe('ENOTDIR');
    expect(error?.message).toContain(fileAsFolder);
    expect(error?.message).toContain('is a file, not a folder');
  });

  it('leaves the target alone when the final rename fails', async () => {
    const target = path.join(dir, 'p.json');
    await writeFileAtomic(target, 'v1');
    const rename = (a: string, b: string): Promise<void> =>
      b === target ? Promise.reject(errno('EIO')) : nodeFsOps.rename(a, b);
    await expect(writeFileAtomic(target, 'v2', { ops: { rename } })).rejects.toThrow(/EIO/);
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
