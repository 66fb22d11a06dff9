// Child process for the crash test: saves alternating large versions of one JSON file forever,
// printing "saved <n>" after each save, until the parent SIGKILLs it.
import { writeFileAtomic } from './writeFileAtomic';

const target = process.argv[2];
if (!target) throw new Error('usage: atomicSaveLoop <target>');

/** Version n: a payload of n-dependent length (1.5–3 MB) whose content encodes n. */
function versionText(n: number): string {
  const length = n % 2 === 0 ? 1_500_000 : 3_000_000;
  return JSON.stringify({ version: n, length, payload: String(n % 10).repeat(length) });
}

for (let n = 1; ; n++) {
  await writeFileAtomic(target, versionText(n));
  process.stdout.write(`saved ${n}\n`);
}
