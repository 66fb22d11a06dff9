import { writeFileAtomic } from '../engine/fsAtomic/writeFileAtomic';

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { backup: false });
}
