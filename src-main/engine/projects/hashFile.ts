// Streamed sha256 of a file, so large CSVs are never read into memory at once.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileHash {
  sha256: string;
  sizeBytes: number;
}

export async function hashFile(file: string, signal?: AbortSignal): Promise<FileHash> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const stream = createReadStream(file, signal ? { signal } : {});
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    sizeBytes += bytes.length;
    hash.update(bytes);
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}
