// Compiles the AssemblyScript RNN kernels into src-main/engine/kernels/build/:
//   rnn.wasm          SIMD128 (every engine with wasm SIMD: Node ≥ 16.4, Electron)
//   rnn-relaxed.wasm  SIMD128 + relaxed-simd fused multiply-add (Node ≥ 22, Electron ≥ 27);
//                     the loader picks it when WebAssembly.validate accepts it.
//   rnn-shared.wasm   SIMD128 over a shared memory, for the batch-splitting helper thread.
// Usage: node scripts/build-kernels.mjs   (needs only the npm devDependency assemblyscript)
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kernelsDir = join(root, 'src-main', 'engine', 'kernels');
const outDir = join(kernelsDir, 'build');

const common = [
  join(kernelsDir, 'assembly', 'index.ts'),
  '-O3',
  '--noAssert',
  // The module owns no heap: TypeScript lays out every buffer in the imported memory.
  '--runtime',
  'stub',
  '--importMemory',
  '--noExportMemory',
  // AS112 flags v128 parameters on exported functions; ours are only exported between
  // AssemblyScript files (and inlined), never across the wasm boundary.
  '--disableWarning',
  '112',
];

const variants = [
  { file: 'rnn.wasm', features: ['--enable', 'simd'] },
  { file: 'rnn-relaxed.wasm', features: ['--enable', 'simd', '--enable', 'relaxed-simd'] },
  // The helper-thread build: the same kernels over one shared memory (see sharedRnnWasm.ts; the
  // maximum must equal SHARED_MAX_PAGES there).
  {
    file: 'rnn-shared.wasm',
    features: [
      '--enable',
      'simd',
      '--enable',
      'threads',
      '--sharedMemory',
      '--maximumMemory',
      '16384',
    ],
  },
];

await mkdir(outDir, { recursive: true });
for (const { file, features } of variants) {
  const outFile = join(outDir, file);
  // Write then rename: test workers that build concurrently never read a half-written file.
  const tmpFile = `${outFile}.${process.pid}.tmp`;
  const { error, stderr } = await asc.main([...common, ...features, '--outFile', tmpFile]);
  if (error) {
    process.stderr.write(stderr.toString());
    console.error(`build-kernels: ${error.message}`);
    process.exit(1);
  }
  await rename(tmpFile, outFile);
  console.log(`build-kernels: wrote ${outFile}`);
}
