// Compiles the AssemblyScript RNN kernels to src-main/engine/kernels/build/rnn.wasm.
// Usage: node scripts/build-kernels.mjs   (needs only the npm devDependency assemblyscript)
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kernelsDir = join(root, 'src-main', 'engine', 'kernels');
const outFile = join(kernelsDir, 'build', 'rnn.wasm');

await mkdir(dirname(outFile), { recursive: true });

const { error, stderr } = await asc.main([
  join(kernelsDir, 'assembly', 'index.ts'),
  '--outFile',
  outFile,
  '-O3',
  '--noAssert',
  '--enable',
  'simd',
  // The module owns no heap: TypeScript lays out every buffer in the imported memory.
  '--runtime',
  'stub',
  '--importMemory',
  '--noExportMemory',
]);

if (error) {
  process.stderr.write(stderr.toString());
  console.error(`build-kernels: ${error.message}`);
  process.exit(1);
}
console.log(`build-kernels: wrote ${outFile}`);
