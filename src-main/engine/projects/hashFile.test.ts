import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile } from './hashFile';

describe('hashFile', () => {
  it('matches the published sha256 test vectors', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hash-'));
    try {
      const abc = path.join(dir, 'abc.txt');
      await writeFile(abc, 'abc');
      // FIPS 180-2 example "abc".
      expect(await hashFile(abc)).toEqual({
        sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        sizeBytes: 3,
      });
      const empty = path.join(dir, 'empty.txt');
      await writeFile(empty, '');
      expect((await hashFile(empty)).sha256).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      );
      // Several stream chunks (default highWaterMark 64 KiB) hash like one buffer.
      const big = Buffer.alloc(300_000, 7);
      const bigFile = path.join(dir, 'big.bin');
      await writeFile(bigFile, big);
      expect(await hashFile(bigFile)).toEqual({
        sha256: createHash('sha256').update(big).digest('hex'),
        sizeBytes: 300_000,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
