// The relaxed-simd build (fused multiply-add) against the Float64 reference. Engines without
// relaxed-simd by default (Node 20) run the check in a child process with the V8 flag.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureRnnWasm } from './ensureRnnWasm.testkit';
import { loadFusedKernels } from './fusedRnn';
import { worstErrors } from './kernelAccuracy.testkit';
import { wasmApi } from './wasmApi';

async function relaxedErrors(wasmPath: string): Promise<Record<string, unknown>> {
  if (wasmApi.validate(readFileSync(join(dirname(wasmPath), 'rnn-relaxed.wasm')))) {
    const kernels = await loadFusedKernels({ wasmPath, variant: 'relaxed' });
    return { variant: kernels.variant, ...worstErrors(kernels, 4) };
  }
  const script = fileURLToPath(new URL('./relaxedVariantCheck.testkit.ts', import.meta.url));
  const flags = ['--experimental-wasm-relaxed-simd', '--import', 'tsx'];
  const out = execFileSync(process.execPath, [...flags, script, wasmPath], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

describe('rnn-relaxed.wasm', () => {
  it('matches the reference within 1e-5 (forward) and 1e-4 relative (gradients)', async () => {
    const result = await relaxedErrors(ensureRnnWasm());
    expect(result.variant).toBe('relaxed');
    expect(result.forward).toBeLessThan(1e-5);
    expect(result.gradient).toBeLessThan(1e-4);
  });
});
