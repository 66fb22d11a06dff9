// A save the file system refuses reaches the contract as the user's error, with the file named:
// a real folder as the target (EISDIR) and a real missing parent folder (ENOENT).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saveErrorCode, toStudioError } from '../../shared/result';
import { writeFileAtomic } from './writeFileAtomic';

const dir = mkdtempSync(join(tmpdir(), 'atomic-error-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(file: string): Promise<unknown> {
  try {
    await writeFileAtomic(file, 'x');
  } catch (error) {
    return toStudioError(error);
  }
  throw new Error('the write was not refused');
}

describe('refused saves at the contract', () => {
  it('a folder as the target is invalid-request, naming the file', async () => {
    expect(await refusal(dir)).toEqual({
      code: 'invalid-request',
      message: `Could not save "${dir}": the target is a folder (EISDIR). The previous version, if any, is unchanged.`,
      details: { reason: 'EISDIR', file: dir },
    });
  });
  it('a missing folder is invalid-request', async () => {
    const file = join(dir, 'missing', 'p.seriesstudio');
    expect(await refusal(file)).toEqual({
      code: 'invalid-request',
      message: `Could not save "${file}": the folder does not exist (ENOENT). The previous version, if any, is unchanged.`,
      details: { reason: 'ENOENT', file },
    });
  });
  it('maps permission and space errors to forbidden and unavailable', () => {
    expect(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO'].map(saveErrorCode)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'unavailable',
      'unavailable',
      'internal',
    ]);
  });
});
