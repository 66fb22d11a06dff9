// Every file and folder under a folder with its size and modification time: two equal snapshots
// mean nothing was written there in between.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function folderSnapshot(top: string): Promise<string[]> {
  const out: string[] = [];
  for (const rel of (await readdir(top, { recursive: true })).map(String)) {
    const s = await stat(path.join(top, rel));
    out.push(`${rel} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`);
  }
  return out.sort();
}
