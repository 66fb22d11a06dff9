// Child-process entry for fusedRnnRelaxed.test.ts: Node 20 only runs relaxed-simd wasm under
// --experimental-wasm-relaxed-simd, so the test starts this file with that flag. Prints JSON.
import { loadFusedKernels } from './fusedRnn';
import { worstErrors } from './kernelAccuracy.testkit';

const kernels = await loadFusedKernels({ wasmPath: process.argv[2], variant: 'relaxed' });
console.log(JSON.stringify({ variant: kernels.variant, ...worstErrors(kernels, 4) }));
